package dev.vigil.sources.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class StreamTimelineTest {

    /** 25 fps: a frame every 40 ms. */
    private static final long FRAME = 40_000;

    @Test
    void framesEveryIntervalGetConsecutiveIndexes() {
        StreamTimeline timeline = new StreamTimeline(0, 25);

        assertThat(place(timeline, 0, FRAME, 2 * FRAME, 3 * FRAME)).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void framesMissingInTheMiddleLeaveTheirIndexesFree() {
        StreamTimeline timeline = new StreamTimeline(0, 25);

        // Frames 3..81 (79 frames) never came out of the decoder.
        assertThat(place(timeline, 0, FRAME, 2 * FRAME, 82 * FRAME, 83 * FRAME)).containsExactly(0L, 1L, 2L, 82L, 83L);
    }

    @Test
    void theExpectedTimeOfAFrameIsWhereTheMissingFramesBegin() {
        StreamTimeline timeline = new StreamTimeline(0, 25);
        timeline.place(0, 0);

        assertThat(timeline.expectedMicros()).isEqualTo(FRAME);
        timeline.place(10 * FRAME, 0);
        assertThat(timeline.expectedMicros()).isEqualTo(11 * FRAME);
    }

    @Test
    void framesMissingAtTheStartAreCountedFromTheStreamsStartTime() {
        StreamTimeline timeline = new StreamTimeline(1_400_000, 25);

        assertThat(timeline.place(1_400_000 + 5 * FRAME, 0)).isEqualTo(5);
    }

    @Test
    void jitterAroundTheNominalTimesIsNoGap() {
        StreamTimeline timeline = new StreamTimeline(0, 25);

        // Each frame up to 9 ms off its nominal time: never half a frame later than the previous one's end.
        assertThat(place(timeline, 0, FRAME + 9_000, 2 * FRAME - 9_000, 3 * FRAME + 9_000))
                .containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void aFrameThatLastsLongerByItsOwnDurationIsNoGap() {
        // As in the street video: one frame of the container lasts two intervals, and the next comes after it.
        StreamTimeline timeline = new StreamTimeline(0, 25);

        assertThat(timeline.place(0, FRAME)).isZero();
        assertThat(timeline.place(FRAME, 2 * FRAME)).isEqualTo(1);
        assertThat(timeline.place(3 * FRAME, FRAME)).isEqualTo(2);
    }

    @Test
    void variableFrameRateCountsATimeWithoutFramesAtTheAverageRate() {
        StreamTimeline timeline = new StreamTimeline(0, 10);

        assertThat(timeline.place(0, 50_000)).isZero();
        // Expected at 50 ms; 350 ms later at 100 ms per frame: 3.5 frames, rounded to 4.
        assertThat(timeline.place(400_000, 50_000)).isEqualTo(5);
    }

    @Test
    void aFrameGoingBackInTimeFollowsNoGapAndTheNextIsExpectedAfterIt() {
        StreamTimeline timeline = new StreamTimeline(0, 25);

        assertThat(place(timeline, 0, FRAME, 2 * FRAME, FRAME / 2, FRAME / 2 + FRAME)).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void withoutAFrameRateThereAreNoGaps() {
        StreamTimeline timeline = new StreamTimeline(0, 0);

        assertThat(place(timeline, 0, 10 * FRAME, 100 * FRAME)).containsExactly(0L, 1L, 2L);
    }

    /** Places frames without a duration of their own (the nominal interval applies). */
    private static List<Long> place(StreamTimeline timeline, long... ptsMicros) {
        List<Long> indexes = new ArrayList<>();
        for (long pts : ptsMicros) {
            indexes.add(timeline.place(pts, 0));
        }
        return indexes;
    }
}
