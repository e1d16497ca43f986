package dev.vigil.sources.file;

import static dev.vigil.sources.file.ReaderHarness.allFrames;
import static dev.vigil.sources.file.ReaderHarness.split;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.sources.Frame;
import dev.vigil.testing.BrokenVideos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

class FileVideoReaderTest {

    @TempDir
    Path tmp;

    @Test
    void decodesEveryFrameOfTheCarVideo() throws Exception {
        try (ReaderHarness harness = ReaderHarness.of(allFrames(), split("cars", TestVideos.carDetection()))) {
            List<Frame> frames = harness.readToEnd();

            assertThat(frames).hasSize(377);
            assertThat(frames).allSatisfy(f -> {
                assertThat(f.cameraId()).isEqualTo("cars");
                assertThat(f.isDamaged()).isFalse();
                assertThat(f.width()).isEqualTo(768);
                assertThat(f.height()).isEqualTo(432);
                assertThat(f.hasConsistentPixels()).isTrue();
            });
            assertThat(sequences(frames)).containsExactly(LongStream.range(0, 377).toArray());
            // 12.5 fps: one frame every 80 ms, starting at 0.
            assertThat(frames.get(0).timestampMillis()).isZero();
            assertThat(frames.get(376).timestampMillis()).isEqualTo(376 * 80);
            assertThat(harness.output.recordTimestamps.get(10)).isEqualTo(frames.get(10).timestampMillis());
            assertThat(harness.counter(ReaderMetrics.FRAMES_DECODED)).isEqualTo(377);
            assertThat(harness.counter(ReaderMetrics.DECODE_ERRORS)).isZero();
            assertThat(harness.context.splitRequests).isEqualTo(1);
        }
    }

    @Test
    void decodesTheStreetVideoWithIncreasingTimestampsAndReportsDecodeSpeed() throws Exception {
        try (ReaderHarness harness = ReaderHarness.of(allFrames(), split("street", TestVideos.streetTraffic()))) {
            long start = System.nanoTime();
            List<Frame> frames = harness.readToEnd();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("decoded input_video.mp4: %d frames in %.2f s = %.0f fps%n",
                    frames.size(), seconds, frames.size() / seconds);

            assertThat(frames).hasSize(905);
            assertThat(frames).allSatisfy(f -> {
                assertThat(f.width()).isEqualTo(640);
                assertThat(f.height()).isEqualTo(352);
                assertThat(f.pixels()).hasSize(640 * 352 * 3);
            });
            assertThat(timestamps(frames)).isSorted().doesNotHaveDuplicates();
            assertThat(frames.get(904).timestampMillis()).isBetween(37_000L, 37_700L);
        }
    }

    @Test
    void strideEmitsEveryNthFrameWithItsVideoIndex() throws Exception {
        DecodeSettings everyTenth = new DecodeSettings(10, 0, false, false);
        try (ReaderHarness harness = ReaderHarness.of(everyTenth, split("cars", TestVideos.carDetection()))) {
            List<Frame> frames = harness.readToEnd();

            assertThat(sequences(frames)).containsExactly(LongStream.range(0, 38).map(i -> i * 10).toArray());
            assertThat(frames.get(1).timestampMillis()).isEqualTo(800);
            assertThat(harness.counter(ReaderMetrics.FRAMES_DECODED)).isEqualTo(377);
        }
    }

    @Test
    void maxFramesCountsEmittedFramesPerCamera() throws Exception {
        DecodeSettings settings = new DecodeSettings(3, 5, false, false);
        try (ReaderHarness harness = ReaderHarness.of(
                settings, split("cars", TestVideos.carDetection()), split("street", TestVideos.streetTraffic()))) {
            List<Frame> frames = harness.readToEnd();

            assertThat(sequencesOf(frames, "cars")).containsExactly(0, 3, 6, 9, 12);
            assertThat(sequencesOf(frames, "street")).containsExactly(0, 3, 6, 9, 12);
        }
    }

    @Test
    void resumesFromASnapshotWithoutDuplicatesOrGaps() throws Exception {
        VideoSplit start = split("cars", TestVideos.carDetection());
        DecodeSettings everyOther = new DecodeSettings(2, 0, false, false);
        List<VideoSplit> snapshot;
        List<Frame> before;
        try (ReaderHarness first = ReaderHarness.of(everyOther, start)) {
            before = List.copyOf(first.readUntil(50));
            snapshot = first.reader.snapshotState(1L);
        }
        assertThat(before).hasSize(50);
        assertThat(snapshot).hasSize(1);
        // Frame 98 was the 50th emitted; the next frame to decode is 99.
        assertThat(snapshot.get(0).position().nextFrame()).isEqualTo(99);
        assertThat(snapshot.get(0).position().emittedFrames()).isEqualTo(50);

        VideoSplit restored = VideoSplitSerializer.INSTANCE.deserialize(
                VideoSplitSerializer.INSTANCE.getVersion(), VideoSplitSerializer.INSTANCE.serialize(snapshot.get(0)));
        try (ReaderHarness second = new ReaderHarness(everyOther, List.of(restored))) {
            List<Frame> after = second.readToEnd();

            assertThat(after.get(0).sequence()).isEqualTo(100);
            assertThat(after.get(0).timestampMillis()).isEqualTo(100 * 80);
            long[] all = LongStream.concat(Arrays.stream(sequences(before)), Arrays.stream(sequences(after))).toArray();
            assertThat(all).containsExactly(LongStream.rangeClosed(0, 376).filter(i -> i % 2 == 0).toArray());
            // Same pixels as an uninterrupted run would give.
            try (ReaderHarness reference = ReaderHarness.of(everyOther, start)) {
                Frame expected = reference.readUntil(51).get(50);
                assertThat(after.get(0).pixels()).isEqualTo(expected.pixels());
            }
        }
    }

    @Test
    void aSplitRestoredAfterItsEndEmitsNothing() throws Exception {
        VideoSplit done = new VideoSplit(
                "cars", TestVideos.carDetection().toString(), new ReadPosition(377, 0, 0, 0, 377, 30_080, true));
        try (ReaderHarness harness = ReaderHarness.of(allFrames(), done)) {
            assertThat(harness.readToEnd()).isEmpty();
        }
    }

    @Test
    void truncatedFileEmitsItsFramesThenOneDamagedFrameAndEnds() throws Exception {
        Path truncated = truncatedCopy(TestVideos.carDetection(), 0.4);
        try (ReaderHarness harness = ReaderHarness.of(allFrames(), split("cut", truncated))) {
            List<Frame> frames = harness.readToEnd();

            List<Frame> damaged = frames.stream().filter(Frame::isDamaged).collect(Collectors.toList());
            assertThat(damaged).hasSize(1);
            Frame marker = frames.get(frames.size() - 1);
            assertThat(marker.isDamaged()).isTrue();
            int good = frames.size() - 1;
            assertThat(good).isBetween(100, 300);
            assertThat(sequences(frames.subList(0, good))).containsExactly(LongStream.range(0, good).toArray());
            assertThat(marker.sequence()).isEqualTo(good);
            assertThat(marker.timestampMillis()).isEqualTo(frames.get(good - 1).timestampMillis());
            assertThat(marker.damage())
                    .contains(truncated.toString())
                    .contains("ended after " + good + " of 377 declared frames")
                    .contains((377 - good) + " frames missing");
            assertThat(harness.counter(ReaderMetrics.DECODE_ERRORS)).isEqualTo(1);
        }
    }

    @Test
    void fileGoneAtRuntimeEmitsOneDamagedFrameWhileOtherCamerasGoOn() throws Exception {
        Path gone = tmp.resolve("gone.mp4");
        DecodeSettings settings = new DecodeSettings(1, 20, false, false);
        try (ReaderHarness harness = ReaderHarness.of(
                settings, split("gone", gone), split("cars", TestVideos.carDetection()))) {
            List<Frame> frames = harness.readToEnd();

            List<Frame> goneFrames = frames.stream().filter(f -> f.cameraId().equals("gone")).collect(Collectors.toList());
            assertThat(goneFrames).hasSize(1);
            assertThat(goneFrames.get(0).isDamaged()).isTrue();
            assertThat(goneFrames.get(0).sequence()).isZero();
            assertThat(goneFrames.get(0).damage()).startsWith("cannot open video file " + gone);
            assertThat(sequencesOf(frames, "cars")).hasSize(20);
        }
    }

    @Test
    void garbageFileAtRuntimeEmitsOneDamagedFrame() throws Exception {
        Path garbage = tmp.resolve("garbage.mp4");
        byte[] noise = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(noise);
        Files.write(garbage, noise);
        try (ReaderHarness harness = ReaderHarness.of(allFrames(), split("noise", garbage))) {
            List<Frame> frames = harness.readToEnd();

            assertThat(frames).hasSize(1);
            assertThat(frames.get(0).isDamaged()).isTrue();
            assertThat(frames.get(0).damage()).contains(garbage.toString());
        }
    }

    @Test
    void loopKeepsSequenceAndTimeIncreasingAcrossPasses() throws Exception {
        DecodeSettings loop = new DecodeSettings(50, 10, true, false);
        try (ReaderHarness harness = ReaderHarness.of(loop, split("cars", TestVideos.carDetection()))) {
            List<Frame> frames = harness.readToEnd();

            // 377 frames per pass; every 50th sequence: 0..350 in pass 0, 400..750 in pass 1.
            assertThat(sequences(frames)).containsExactly(0, 50, 100, 150, 200, 250, 300, 350, 400, 450);
            // Pass 1 starts at 377 * 80 ms; sequence 400 is frame 23 of that pass.
            assertThat(frames.get(8).timestampMillis()).isEqualTo(377 * 80 + 23 * 80);
            assertThat(timestamps(frames)).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void loopResumesInTheSecondPass() throws Exception {
        DecodeSettings loop = new DecodeSettings(50, 12, true, false);
        VideoSplit start = split("cars", TestVideos.carDetection());
        List<VideoSplit> snapshot;
        try (ReaderHarness first = ReaderHarness.of(loop, start)) {
            first.readUntil(9); // up to sequence 400, in the second pass
            snapshot = first.reader.snapshotState(1L);
        }
        assertThat(snapshot.get(0).position().completedLoops()).isEqualTo(1);
        try (ReaderHarness second = new ReaderHarness(loop, snapshot)) {
            List<Frame> rest = second.readToEnd();
            assertThat(sequences(rest)).containsExactly(450, 500, 550);
            assertThat(rest.get(0).timestampMillis()).isEqualTo(450 * 80);
        }
    }

    @Test
    void realtimePlaysAtTheVideosFrameRate() throws Exception {
        DecodeSettings realtime = new DecodeSettings(1, 6, false, true);
        try (ReaderHarness harness = ReaderHarness.of(realtime, split("cars", TestVideos.carDetection()))) {
            long start = System.nanoTime();
            List<Frame> frames = harness.readToEnd();
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(frames).hasSize(6);
            // Frames 0..5 span 400 ms at 12.5 fps; decoding alone takes a fraction of that.
            assertThat(elapsedMillis).isGreaterThanOrEqualTo(390);
        }
    }

    @Test
    void framesTheDecoderDropsBecomeOneGapAndTheFramesAfterItKeepTheirIndex() throws Exception {
        try (ReaderHarness harness = ReaderHarness.of(allFrames(), split("street", BrokenVideos.damagedStreet()))) {
            List<Frame> frames = harness.readToEnd();

            List<Frame> gaps = frames.stream().filter(Frame::isDamaged).collect(Collectors.toList());
            assertThat(gaps).singleElement().satisfies(gap -> {
                assertThat(gap.lostFrames()).isEqualTo(gap.lastSequence() - gap.sequence() + 1).isGreaterThan(10);
                assertThat(gap.damage()).contains(BrokenVideos.damagedStreet().toString()).contains("missing");
            });
            Frame gap = gaps.get(0);
            int at = frames.indexOf(gap);
            assertThat(sequences(frames.subList(0, at))).containsExactly(LongStream.range(0, gap.sequence()).toArray());
            Frame before = frames.get(at - 1);
            Frame after = frames.get(at + 1);
            assertThat(after.sequence()).isEqualTo(gap.lastSequence() + 1);
            assertThat(gap.timestampMillis()).isBetween(before.timestampMillis() + 1, after.timestampMillis() - 1);
            // 24 fps: the time between the frames around the gap is about that of the frames missing.
            assertThat((after.timestampMillis() - before.timestampMillis()) * 24 / 1000.0)
                    .isCloseTo(gap.lostFrames() + 1, org.assertj.core.data.Offset.offset(1.0));
            long decoded = frames.size() - 1;
            assertThat(decoded + gap.lostFrames()).as("decoded + missing = the stream's 905 frames").isEqualTo(905);
            assertThat(frames.get(frames.size() - 1).sequence()).isEqualTo(904);
            assertThat(harness.counter(ReaderMetrics.FRAMES_DECODED)).isEqualTo(decoded);
            assertThat(harness.counter(ReaderMetrics.DECODE_ERRORS)).isEqualTo(1);
        }
    }

    @Test
    void aGapCountsAgainstTheFrameLimitAndOnlyTheFramesTheStrideWouldEmit() throws Exception {
        DecodeSettings everyFifth = new DecodeSettings(5, 0, false, false);
        try (ReaderHarness harness = ReaderHarness.of(everyFifth, split("street", BrokenVideos.damagedStreet()))) {
            List<Frame> frames = harness.readToEnd();
            Frame gap = frames.stream().filter(Frame::isDamaged).findFirst().orElseThrow();

            assertThat(frames.size() - 1 + gap.lostFrames()).as("ceil(905 / 5)").isEqualTo(181);
            assertThat(frames.stream().filter(f -> !f.isDamaged()).mapToLong(Frame::sequence)).allMatch(s -> s % 5 == 0);
        }
        DecodeSettings limit = new DecodeSettings(1, 400, false, false);
        try (ReaderHarness harness = ReaderHarness.of(limit, split("street", BrokenVideos.damagedStreet()))) {
            List<Frame> frames = harness.readToEnd();
            Frame gap = frames.stream().filter(Frame::isDamaged).findFirst().orElseThrow();

            assertThat(gap.lastSequence()).as("the gap ends at the frame limit").isEqualTo(399);
            assertThat(frames.size() - 1 + gap.lostFrames()).isEqualTo(400);
        }
    }

    @Test
    void aRestoreAfterAGapContinuesBehindItWithoutReportingItAgain() throws Exception {
        VideoSplit start = split("street", BrokenVideos.damagedStreet());
        List<Frame> reference;
        try (ReaderHarness uninterrupted = ReaderHarness.of(allFrames(), start)) {
            reference = List.copyOf(uninterrupted.readToEnd());
        }
        int gapAt = reference.indexOf(reference.stream().filter(Frame::isDamaged).findFirst().orElseThrow());
        for (int readBefore : new int[] {gapAt, gapAt + 1, gapAt + 3}) {
            List<VideoSplit> snapshot;
            List<Frame> before;
            try (ReaderHarness first = ReaderHarness.of(allFrames(), start)) {
                before = List.copyOf(first.readUntil(readBefore));
                snapshot = first.reader.snapshotState(1L);
            }
            try (ReaderHarness second = new ReaderHarness(allFrames(), snapshot)) {
                List<Frame> after = second.readToEnd();
                List<Long> all = new java.util.ArrayList<>();
                before.forEach(f -> all.add(f.sequence()));
                after.forEach(f -> all.add(f.sequence()));
                assertThat(all).as("restored after %d records", readBefore)
                        .containsExactlyElementsOf(reference.stream().map(Frame::sequence).collect(Collectors.toList()));
            }
        }
    }

    @Test
    void eachFrameOfAVideoThatChangesSizeHasItsOwnSizeAndPixels() throws Exception {
        int perSize = 30;
        try (ReaderHarness harness = ReaderHarness.of(
                allFrames(), split("sizes", BrokenVideos.sizeChangingStreet(perSize)))) {
            List<Frame> frames = harness.readToEnd();

            assertThat(frames).hasSize(2 * perSize).noneMatch(Frame::isDamaged);
            assertThat(sequences(frames)).containsExactly(LongStream.range(0, 2 * perSize).toArray());
            assertThat(frames.subList(0, perSize)).allSatisfy(f -> assertThat(f.width() + "x" + f.height())
                    .isEqualTo("640x352"));
            assertThat(frames.subList(perSize, 2 * perSize)).allSatisfy(f -> assertThat(f.width() + "x" + f.height())
                    .isEqualTo("320x176"));
            assertThat(frames).allSatisfy(f -> assertThat(f.hasConsistentPixels()).isTrue());
            for (int i = 1; i < frames.size(); i++) {
                assertThat(frames.get(i).pixels()).as("frame %d is not an earlier image again", i)
                        .isNotEqualTo(frames.get(i - 1).pixels());
            }
        }
    }

    static Path truncatedCopy(Path source, double fraction) throws Exception {
        byte[] bytes = Files.readAllBytes(source);
        Path copy = Files.createTempFile("truncated-", ".mp4");
        copy.toFile().deleteOnExit();
        Files.write(copy, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        return copy;
    }

    private static long[] sequences(List<Frame> frames) {
        return frames.stream().mapToLong(Frame::sequence).toArray();
    }

    private static long[] sequencesOf(List<Frame> frames, String cameraId) {
        return frames.stream().filter(f -> f.cameraId().equals(cameraId)).mapToLong(Frame::sequence).toArray();
    }

    private static List<Long> timestamps(List<Frame> frames) {
        return frames.stream().map(Frame::timestampMillis).collect(Collectors.toList());
    }
}
