package dev.vigil.sources.rtsp;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTest {

    @Test
    void masksUserInfoOfEveryUrlInAText() {
        assertThat(Credentials.mask("could not open rtsp://admin:hunter2@10.0.0.5:554/live and "
                + "rtsps://u@cam/x", List.of()))
                .isEqualTo("could not open rtsp://***@10.0.0.5:554/live and rtsps://***@cam/x");
        assertThat(Credentials.maskUrl("rtsp://host:554/path?a=b@c")).isEqualTo("rtsp://host:554/path?a=b@c");
    }

    @Test
    void masksGivenSecretsWhereverTheyAppear() {
        assertThat(Credentials.mask("auth failed for password hunter2", List.of("hunter2", " ")))
                .isEqualTo("auth failed for password ***");
    }

    @Test
    void separateCredentialsGoIntoTheConnectUrlEncodedAndNowhereElse() {
        CameraConnection camera = new CameraConnection("gate", "rtsp://cam.local:554/stream", "op", "p@ss:w/rd",
                CameraConnection.Transport.TCP, Duration.ofSeconds(5));
        assertThat(camera.connectUrl()).isEqualTo("rtsp://op:p%40ss%3Aw%2Frd@cam.local:554/stream");
        assertThat(camera.toString()).doesNotContain("p@ss").doesNotContain("op:").contains("***");
        assertThat(camera.mask("error opening " + camera.connectUrl() + " with p@ss:w/rd"))
                .doesNotContain("p@ss").doesNotContain("p%40ss").contains("cam.local:554/stream");
    }

    @Test
    void aSeparatePasswordReplacesTheOneInTheUrl() {
        CameraConnection camera = new CameraConnection("gate", "rtsp://op:old@cam/s", null, "new",
                CameraConnection.Transport.UDP, Duration.ofSeconds(5));
        assertThat(camera.connectUrl()).isEqualTo("rtsp://op:new@cam/s");
        assertThat(camera.maskedUrl()).isEqualTo("rtsp://***@cam/s");
        assertThat(camera.secrets()).contains("op:new", "new");
    }

    @Test
    void checksUrlsWithoutShowingCredentials() {
        CameraConnection http = new CameraConnection("x", "http://u:secret@host/x", null, null,
                CameraConnection.Transport.TCP, Duration.ofSeconds(5));
        assertThat(http.problems()).singleElement().asString()
                .contains("must start with rtsp://").doesNotContain("secret");
        CameraConnection noHost = new CameraConnection("x", "rtsp:///path", null, null,
                CameraConnection.Transport.TCP, Duration.ofSeconds(5));
        assertThat(noHost.problems()).singleElement().asString().contains("no host");
    }
}
