package dev.vigil.operators.detect;

import java.util.ArrayDeque;

/**
 * Bounds the pixel bytes one detection subtask holds: frames waiting for the model or in a batch, and
 * frames already detected but queued behind an earlier frame that is not, since results leave in input
 * order. Frames are admitted in input order; {@link #admit} blocks the task thread while admitting a
 * frame would pass the bound, so a full bound backpressures the source the same way a full in-flight
 * capacity does. A frame larger than the bound is admitted once nothing else is held, so no frame size
 * can stall the job.
 *
 * <p>A frame stops counting once it and every frame before it are detected (its result handed to the
 * async operator first): the operator then emits it as soon as the task thread is free again, which is
 * right after {@link #admit} returns. A checkpoint taken in that moment can still hold it, so a
 * checkpoint holds at most one frame more than the bound lets in.
 * Thread-safe: frames are admitted on the task thread and released on batch threads.
 */
final class InFlightBytes {

    /** One admitted frame; released exactly once. */
    static final class Ticket {
        private final long bytes;
        private boolean released;

        private Ticket(long bytes) {
            this.bytes = bytes;
        }
    }

    private final long maxBytes;
    private final ArrayDeque<Ticket> held = new ArrayDeque<>();
    private long heldBytes;

    InFlightBytes(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Waits until {@code bytes} more fit under the bound (or nothing is held), then counts them. */
    synchronized Ticket admit(long bytes) throws InterruptedException {
        while (heldBytes > 0 && heldBytes + bytes > maxBytes) {
            wait();
        }
        Ticket ticket = new Ticket(bytes);
        held.addLast(ticket);
        heldBytes += bytes;
        return ticket;
    }

    /** The frame of {@code ticket} is done (detected, skipped or failed). */
    synchronized void release(Ticket ticket) {
        if (ticket.released) {
            return;
        }
        ticket.released = true;
        boolean freed = false;
        while (!held.isEmpty() && held.peekFirst().released) {
            heldBytes -= held.removeFirst().bytes;
            freed = true;
        }
        if (freed) {
            notifyAll();
        }
    }

    /** Bytes held now, for the {@code inFlightBytes} gauge. */
    synchronized long heldBytes() {
        return heldBytes;
    }
}
