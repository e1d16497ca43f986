package dev.vigil.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.models.family.YoloV6;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locator behaviour on temporary files and a test catalogue; never touches the network. */
class ModelLocatorTest {

    private static final byte[] MODEL_BYTES = "pretend onnx".getBytes(StandardCharsets.UTF_8);
    private static final URI URL = URI.create("https://models.invalid/fake.onnx");

    @TempDir
    Path temp;

    private ModelCatalogue catalogue;
    private final List<URI> downloads = new ArrayList<>();
    private byte[] served = MODEL_BYTES;

    @BeforeEach
    void testCatalogue() throws Exception {
        catalogue = new ModelCatalogue(List.of(new CatalogueEntry("fake-320", YoloV6.INSTANCE, 320, 320,
                "fake.onnx", "fakes", sha256(MODEL_BYTES), URL, "test", "none", List.of("thing"))));
    }

    private ModelLocator locator(Map<String, String> environment, Map<String, String> properties) {
        return new ModelLocator(catalogue, environment::get, key -> properties.getOrDefault(key,
                key.equals("user.home") ? temp.resolve("home").toString() : null), (url, target) -> {
                    downloads.add(url);
                    Files.write(target, served);
                });
    }

    private ModelLocator offlineLocator() {
        return locator(Map.of(), Map.of(ModelLocator.DOWNLOAD_PROPERTY, "false"));
    }

    private Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    @Test
    void explicitPathWinsOverModelDirAndMirror() throws Exception {
        Path explicit = write(temp.resolve("explicit/fake.onnx"), MODEL_BYTES);
        write(temp.resolve("models/fake.onnx"), MODEL_BYTES);
        write(temp.resolve("mirror/fakes/fake.onnx"), MODEL_BYTES);
        ModelSettings settings = ModelSettings.named("fake-320").withPath(explicit)
                .withModelDir(temp.resolve("models")).withMirrorDir(temp.resolve("mirror"));
        LocatedModel located = offlineLocator().locate(settings);
        assertThat(located.file()).isEqualTo(explicit);
        assertThat(located.checksumVerified()).isTrue();
    }

    @Test
    void modelDirWinsOverMirror() throws Exception {
        Path inModelDir = write(temp.resolve("models/fake.onnx"), MODEL_BYTES);
        write(temp.resolve("mirror/fakes/fake.onnx"), MODEL_BYTES);
        ModelSettings settings = ModelSettings.named("fake-320")
                .withModelDir(temp.resolve("models")).withMirrorDir(temp.resolve("mirror"));
        assertThat(offlineLocator().locate(settings).file()).isEqualTo(inModelDir);
    }

    @Test
    void mirrorIsFoundInTheFamilyFolderOrFlat() throws Exception {
        ModelSettings settings = ModelSettings.named("fake-320")
                .withModelDir(temp.resolve("models")).withMirrorDir(temp.resolve("mirror"));
        Path flat = write(temp.resolve("mirror/fake.onnx"), MODEL_BYTES);
        assertThat(offlineLocator().locate(settings).file()).isEqualTo(flat);
        Path nested = write(temp.resolve("mirror/fakes/fake.onnx"), MODEL_BYTES);
        assertThat(offlineLocator().locate(settings).file()).isEqualTo(nested);
    }

    @Test
    void environmentSuppliesModelDirAndMirrorWhenSettingsDoNot() throws Exception {
        Path mirrored = write(temp.resolve("env-mirror/fakes/fake.onnx"), MODEL_BYTES);
        ModelLocator locator = locator(
                Map.of(ModelLocator.MIRROR_ENV, temp.resolve("env-mirror").toString(),
                        ModelLocator.MODEL_DIR_ENV, temp.resolve("env-models").toString()),
                Map.of(ModelLocator.DOWNLOAD_PROPERTY, "false"));
        LocatedModel located = locator.locate(ModelSettings.named("fake-320"));
        assertThat(located.file()).isEqualTo(mirrored);
        assertThat(located.source()).startsWith("mirror");
    }

    @Test
    void notFoundListsEveryPlaceWithItsReasonAndWhatToDo() {
        ModelSettings settings = ModelSettings.named("fake-320")
                .withModelDir(temp.resolve("models")).withMirrorDir(temp.resolve("mirror"));
        assertThatThrownBy(() -> offlineLocator().locate(settings))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("model dir " + temp.resolve("models/fake.onnx") + ": not found")
                .hasMessageContaining("mirror " + temp.resolve("mirror/fakes/fake.onnx") + ": not found")
                .hasMessageContaining("mirror " + temp.resolve("mirror/fake.onnx") + ": not found")
                .hasMessageContaining("download " + URL + ": disabled")
                .hasMessageContaining("set model.path")
                .hasMessageContaining("VIGIL_MODEL_MIRROR")
                .hasMessageContaining("put fake.onnx into " + temp.resolve("models"));
        assertThat(downloads).isEmpty();
    }

    @Test
    void defaultModelDirIsUnderTheUserCache() {
        assertThatThrownBy(() -> offlineLocator().locate(ModelSettings.named("fake-320")))
                .hasMessageContaining(temp.resolve("home/.cache/vigil/models/fake.onnx").toString())
                .hasMessageContaining("mirror: not configured");
    }

    @Test
    void missingExplicitPathIsNotFoundWithoutLookingElsewhere() throws Exception {
        write(temp.resolve("models/fake.onnx"), MODEL_BYTES);
        ModelSettings settings = ModelSettings.named("fake-320").withPath(temp.resolve("nope/fake.onnx"))
                .withModelDir(temp.resolve("models"));
        assertThatThrownBy(() -> offlineLocator().locate(settings))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("model.path");
    }

    @Test
    void catalogueFileWithOtherBytesIsRejectedWithBothChecksums() throws Exception {
        Path corrupt = write(temp.resolve("models/fake.onnx"), "truncated".getBytes(StandardCharsets.UTF_8));
        ModelSettings settings = ModelSettings.named("fake-320").withModelDir(temp.resolve("models"));
        assertThatThrownBy(() -> offlineLocator().locate(settings))
                .isInstanceOfSatisfying(ModelChecksumException.class, e -> {
                    assertThat(e.file()).isEqualTo(corrupt.toAbsolutePath().toString());
                    assertThat(e.expectedSha256()).isEqualTo(sha256(MODEL_BYTES));
                    assertThat(e.actualSha256()).isEqualTo(sha256("truncated".getBytes(StandardCharsets.UTF_8)));
                })
                .hasMessageContaining(corrupt.toString());
    }

    @Test
    void explicitFileOfAnotherNameIsTakenWithoutChecksum() throws Exception {
        Path finetuned = write(temp.resolve("finetuned.onnx"), "other weights".getBytes(StandardCharsets.UTF_8));
        LocatedModel located = offlineLocator().locate(ModelSettings.named("fake-320").withPath(finetuned));
        assertThat(located.checksumVerified()).isFalse();
        assertThat(located.entry().name()).isEqualTo("fake-320");
    }

    @Test
    void bareUnknownFileIsTakenWithoutEntryOrChecksum() throws Exception {
        Path file = write(temp.resolve("mystery.onnx"), MODEL_BYTES);
        ModelSettings settings = new ModelSettings(null, file.toString(), null, null, Float.NaN, Float.NaN, 0, 0);
        LocatedModel located = offlineLocator().locate(settings);
        assertThat(located.entry()).isNull();
        assertThat(located.checksumVerified()).isFalse();
        assertThat(located.checksumNote()).isEqualTo("not a catalogue file: checksum not checked");
    }

    @Test
    void entryWithoutPinnedChecksumAcceptsAnyFileOfItsNameAndSaysSo() throws Exception {
        catalogue = new ModelCatalogue(List.of(new CatalogueEntry("user-export", YoloV6.INSTANCE, 640, 640,
                "export.onnx", "fakes", null, null, "upstream.pt", "GPL-3.0", List.of("thing"))));
        write(temp.resolve("mirror/fakes/export.onnx"), "any bytes".getBytes(StandardCharsets.UTF_8));
        LocatedModel located = offlineLocator().locate(ModelSettings.named("user-export")
                .withModelDir(temp.resolve("models")).withMirrorDir(temp.resolve("mirror")));
        assertThat(located.checksumVerified()).isFalse();
        assertThat(located.checksumNote()).isEqualTo("checksum not pinned in the catalogue: not checked");
        assertThatThrownBy(() -> offlineLocator().locate(ModelSettings.named("user-export")
                .withModelDir(temp.resolve("models")).withMirrorDir(temp.resolve("nowhere"))))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("upstream publishes no ONNX file")
                .hasMessageNotContaining("sha256 must be");
    }

    @Test
    void downloadGoesIntoTheModelDirAfterVerification() {
        ModelSettings settings = ModelSettings.named("fake-320").withModelDir(temp.resolve("models"));
        LocatedModel located = locator(Map.of(), Map.of()).locate(settings);
        assertThat(downloads).containsExactly(URL);
        assertThat(located.file()).isEqualTo(temp.resolve("models/fake.onnx"));
        assertThat(located.file()).hasBinaryContent(MODEL_BYTES);
        // Found locally the second time.
        locator(Map.of(), Map.of()).locate(settings);
        assertThat(downloads).hasSize(1);
    }

    @Test
    void downloadWithOtherBytesIsDiscarded() throws Exception {
        served = "something else".getBytes(StandardCharsets.UTF_8);
        ModelSettings settings = ModelSettings.named("fake-320").withModelDir(temp.resolve("models"));
        assertThatThrownBy(() -> locator(Map.of(), Map.of()).locate(settings))
                .isInstanceOf(ModelChecksumException.class)
                .hasMessageContaining(URL.toString());
        try (var left = Files.list(temp.resolve("models"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void failedDownloadIsListedWithItsCause() {
        ModelLocator failing = new ModelLocator(catalogue, key -> null,
                key -> key.equals("user.home") ? temp.toString() : null,
                (url, target) -> {
                    throw new IOException("HTTP 404");
                });
        assertThatThrownBy(() -> failing.locate(ModelSettings.named("fake-320")))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("download failed: java.io.IOException: HTTP 404");
    }

    @Test
    void checksumsAreRememberedPerFileVersion() throws Exception {
        Path file = write(temp.resolve("models/fake.onnx"), MODEL_BYTES);
        String first = Checksums.sha256(file);
        int remembered = Checksums.rememberedCount();
        assertThat(Checksums.sha256(file)).isEqualTo(first);
        assertThat(Checksums.rememberedCount()).isEqualTo(remembered);
        Files.write(file, "changed bytes, changed size".getBytes(StandardCharsets.UTF_8));
        assertThat(Checksums.sha256(file)).isNotEqualTo(first);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
