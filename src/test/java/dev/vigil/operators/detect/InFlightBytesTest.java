package dev.vigil.operators.detect;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each test states the frames admitted, their sizes and completions, and what is held or waits. */
class InFlightBytesTest {

    private final ExecutorService taskThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopTaskThread() {
        taskThread.shutdownNow();
    }

    @Test
    void framesUnderTheBoundAreAdmittedAtOnce() throws Exception {
        InFlightBytes bytes = new InFlightBytes(100);

        bytes.admit(40);
        bytes.admit(60);

        assertThat(bytes.heldBytes()).isEqualTo(100);
    }

    @Test
    void aFrameThatWouldPassTheBoundWaitsUntilTheFirstFrameIsDone() throws Exception {
        InFlightBytes bytes = new InFlightBytes(100);
        InFlightBytes.Ticket first = bytes.admit(60);
        bytes.admit(30);

        Future<InFlightBytes.Ticket> third = taskThread.submit(() -> bytes.admit(30));
        assertStillWaiting(third);

        bytes.release(first);
        third.get(5, TimeUnit.SECONDS);
        assertThat(bytes.heldBytes()).isEqualTo(60);
    }

    @Test
    void aFrameDoneBehindAnEarlierOneStillCountsUntilThatOneIsDone() throws Exception {
        InFlightBytes bytes = new InFlightBytes(100);
        InFlightBytes.Ticket first = bytes.admit(50);
        InFlightBytes.Ticket second = bytes.admit(50);

        bytes.release(second);
        assertThat(bytes.heldBytes()).as("results leave in order: the second waits for the first").isEqualTo(100);
        Future<InFlightBytes.Ticket> third = taskThread.submit(() -> bytes.admit(10));
        assertStillWaiting(third);

        bytes.release(first);
        third.get(5, TimeUnit.SECONDS);
        assertThat(bytes.heldBytes()).isEqualTo(10);
    }

    @Test
    void aFrameLargerThanTheBoundIsAdmittedAloneSoNothingStalls() throws Exception {
        InFlightBytes bytes = new InFlightBytes(100);
        InFlightBytes.Ticket small = bytes.admit(10);

        Future<InFlightBytes.Ticket> huge = taskThread.submit(() -> bytes.admit(250));
        assertStillWaiting(huge);

        bytes.release(small);
        InFlightBytes.Ticket admitted = huge.get(5, TimeUnit.SECONDS);
        assertThat(bytes.heldBytes()).isEqualTo(250);
        bytes.release(admitted);
        assertThat(bytes.heldBytes()).isZero();
    }

    @Test
    void releasingTwiceCountsOnce() throws Exception {
        InFlightBytes bytes = new InFlightBytes(100);
        InFlightBytes.Ticket first = bytes.admit(30);
        bytes.admit(30);

        bytes.release(first);
        bytes.release(first);

        assertThat(bytes.heldBytes()).isEqualTo(30);
    }

    @Test
    void aWaitingTaskThreadCanBeCancelled() throws Exception {
        InFlightBytes bytes = new InFlightBytes(100);
        bytes.admit(100);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            try {
                bytes.admit(1);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        waiting.start();
        Thread.sleep(100);

        waiting.interrupt();

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void theBoundMustBePositive() {
        assertThatThrownBy(() -> new InFlightBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertStillWaiting(Future<?> admission) throws Exception {
        assertThatThrownBy(() -> admission.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
    }
}
