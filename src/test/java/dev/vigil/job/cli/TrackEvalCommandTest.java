package dev.vigil.job.cli;

import dev.vigil.operators.track.eval.MotBox;
import dev.vigil.operators.track.eval.MotEvaluator;
import dev.vigil.operators.track.eval.MotFiles;
import dev.vigil.operators.track.eval.MotMetrics;
import dev.vigil.testing.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrackEvalCommandTest {

    @Test
    void tracksTudCampusBetterThanTheReferenceTracker(@TempDir Path out) throws Exception {
        Path seq = TestData.data("mot/TUD-Campus");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int exit = new CommandLine(new TrackEvalCommand(new PrintStream(text, true, StandardCharsets.UTF_8)))
                .execute("-o", out.toString(), "--compare", seq.resolve("results").toString(), seq.toString());
        String report = text.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(report).isZero();
        assertThat(report).contains("TUD-Campus vigil").contains("TUD-Campus TUD-Campus.txt");

        Path tracks = out.resolve("TUD-Campus.txt");
        assertThat(Files.readAllLines(tracks).get(0)).matches("1,\\d+,[-0-9.]+,[-0-9.]+,[0-9.]+,[0-9.]+,1,-1,-1,-1");
        List<MotBox> gt = MotFiles.read(seq.resolve("gt/gt.txt"));
        MotMetrics ours = MotEvaluator.evaluate(gt, MotFiles.read(tracks));
        MotMetrics reference = MotEvaluator.evaluate(gt, MotFiles.read(seq.resolve("results/TUD-Campus.txt")));
        assertThat(ours.mota()).isGreaterThan(reference.mota());
        assertThat(ours.idf1()).isGreaterThan(reference.idf1());
    }

    @Test
    void isRegisteredAsASubcommand() {
        assertThat(new CommandLine(new VigilCli()).getSubcommands()).containsKey("track-eval");
    }
}
