package dev.vigil.models;

/**
 * DJL contacts a remote address when its engine starts unless told it is offline; nothing may
 * leave the host, so this is switched on before the engine is touched (an explicit setting wins).
 */
final class OfflineRuntime {

    private OfflineRuntime() {}

    static void ensureOffline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
