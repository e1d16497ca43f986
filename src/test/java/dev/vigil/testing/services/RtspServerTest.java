package dev.vigil.testing.services;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without GStreamer's Python bindings the RTSP tests fail and say what to install, instead of skipping. */
class RtspServerTest {

    @Test
    void missingGStreamerNamesThePackagesToInstall() {
        assertThatThrownBy(() -> RtspServer.checkInstalled("/nonexistent/python3"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apt-get install -y gstreamer1.0-rtsp gir1.2-gst-rtsp-server-1.0 python3-gst-1.0")
                .hasMessageContaining("cannot run /nonexistent/python3");
    }
}
