#!/usr/bin/python3
"""Test RTSP server for Vigil: GStreamer's RTSP server on 127.0.0.1, one mount per --mount.

Run with Debian's /usr/bin/python3 (it has the GStreamer bindings):

  /usr/bin/python3 src/test/services/rtsp-server.py --port 8554 \
      --mount live=pattern:320x180@25 --mount street=file:target/rtsp/street.h264:320x180@25

A mount is NAME=pattern:WxH@FPS (a live test pattern) or NAME=file:PATH:WxH@FPS (an Annex-B .h264
file, decoded, scaled and re-encoded in a loop). --auth USER:PASS requires basic authentication.
Needs: gstreamer1.0-rtsp gir1.2-gst-rtsp-server-1.0 python3-gst-1.0 python3-gi
gstreamer1.0-plugins-{base,good,ugly,bad} gstreamer1.0-libav.
"""
import argparse
import re
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

MOUNT = re.compile(r"^([A-Za-z0-9_-]+)=(pattern|file):(?:(.+):)?(\d+)x(\d+)@(\d+)$")


def encoder(fps):
    # A key frame every second, and SPS/PPS with each one, so that a client joining or reconnecting
    # decodes within a second.
    return ("x264enc tune=zerolatency speed-preset=ultrafast key-int-max=%d bitrate=800 "
            "! rtph264pay name=pay0 pt=96 config-interval=-1" % fps)


def launch_line(kind, path, width, height, fps):
    caps = "video/x-raw,width=%d,height=%d,framerate=%d/1" % (width, height, fps)
    if kind == "pattern":
        source = "videotestsrc is-live=true pattern=ball ! %s ! timeoverlay" % caps
    else:
        source = ("multifilesrc location=%s loop=true caps=video/x-h264,stream-format=byte-stream,"
                  "framerate=%d/1 ! h264parse ! avdec_h264 ! videoscale ! videorate ! %s" % (path, fps, caps))
    return "( %s ! videoconvert ! %s )" % (source, encoder(fps))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--mount", action="append", required=True)
    parser.add_argument("--auth", help="USER:PASS for basic authentication")
    args = parser.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    mounts = server.get_mount_points()
    permissions = None
    if args.auth:
        user, password = args.auth.split(":", 1)
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", "viewer")
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
        server.set_auth(auth)
        permissions = GstRtspServer.RTSPPermissions()
        permissions.add_permission_for_role("viewer", "media.factory.access", True)
        permissions.add_permission_for_role("viewer", "media.factory.construct", True)
    for spec in args.mount:
        m = MOUNT.match(spec)
        if not m:
            sys.exit("bad --mount %r: expected NAME=pattern:WxH@FPS or NAME=file:PATH:WxH@FPS" % spec)
        name, kind, path, width, height, fps = m.groups()
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(launch_line(kind, path, int(width), int(height), int(fps)))
        factory.set_shared(True)
        if permissions is not None:
            factory.set_permissions(permissions)
        mounts.add_factory("/" + name, factory)
        print("serving rtsp://127.0.0.1:%d/%s (%s)" % (args.port, name, spec), flush=True)
    if server.attach(None) == 0:
        sys.exit("cannot listen on 127.0.0.1:%d" % args.port)
    print("ready", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
