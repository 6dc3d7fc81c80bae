package org.fusioncell.screening.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamesEvalCommandTest {

    @TempDir
    Path dir;

    /** F1 of a line such as "engine   at best-F1  threshold 0.708 … F1 0.9566" under a slice heading. */
    private static double f1(String output, String slice, String line) {
        int at = output.indexOf("\n" + slice + " (");
        assertThat(at).as("slice %s in output", slice).isNotNegative();
        Matcher m = Pattern.compile(Pattern.quote(line) + ".*?F1 ([0-9.]+)").matcher(output);
        assertThat(m.find(at)).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theEngineBeatsTheBaselineOnTheDevelopmentPairsOverallAndArabicToLatin() throws IOException {
        Path pairs = CommandRun.shared("names-dev/all_pairs.csv");
        Path scores = dir.resolve("scores.csv");
        CommandRun run = CommandRun.of(NamesEvalCommand::run, "--pairs", pairs.toString(),
                "--scores-out", scores.toString());
        assertThat(run.status()).as(run.err()).isZero();
        for (String slice : List.of("all pairs", "arabic→latin")) {
            double engine = f1(run.out(), slice, "engine   at best-F1");
            double baseline = f1(run.out(), slice, "baseline at best-F1");
            assertThat(engine).as(slice).isGreaterThanOrEqualTo(0.95);
            assertThat(engine - baseline).as(slice + " margin over the baseline").isGreaterThanOrEqualTo(0.10);
        }
        List<String> lines = Files.readAllLines(scores, StandardCharsets.UTF_8);
        long pairCount = Files.lines(pairs).count() - 1;
        assertThat(lines.getFirst()).isEqualTo("score");
        assertThat(lines).hasSize((int) pairCount + 1);
    }

    @Test
    void writesOneScorePerPairInInputOrder() throws IOException {
        Path pairs = Files.writeString(dir.resolve("p.csv"),
                "name_a,name_b,label\nمحمد,Muhammad,1\nJohn Smith,Mokhtar Belmokhtar,0\n\"Ben Ali, Zine\",Zine Benali,1\n");
        Path scores = dir.resolve("s.csv");
        CommandRun run = CommandRun.of(NamesEvalCommand::run, "--pairs", pairs.toString(), "--scores-out",
                scores.toString());
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(scores);
        assertThat(lines).hasSize(4);
        assertThat(Double.parseDouble(lines.get(1))).isGreaterThan(0.71);
        assertThat(Double.parseDouble(lines.get(2))).isLessThan(0.5);
        assertThat(Double.parseDouble(lines.get(3))).isGreaterThan(0.71);
    }

    @Test
    void aMissingColumnOrABadLabelIsOneClearLineAndExitOne() throws IOException {
        Path noLabel = Files.writeString(dir.resolve("nolabel.csv"), "name_a,name_b\nA,B\n");
        CommandRun run = CommandRun.of(NamesEvalCommand::run, "--pairs", noLabel.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo(
                "fusioncell names-eval: nolabel.csv has no column 'label' (its columns: name_a, name_b)");
        Path badLabel = Files.writeString(dir.resolve("bad.csv"), "name_a,name_b,label\nA,B,1\nC,D,maybe\n");
        CommandRun bad = CommandRun.of(NamesEvalCommand::run, "--pairs", badLabel.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("line 3, column label: 'maybe' is not a label");
        CommandRun missing = CommandRun.of(NamesEvalCommand::run, "--pairs", dir.resolve("absent.csv").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file");
    }
}
