#!/usr/bin/env bash
# What sliced inference finds on real footage: the parking lot seen from above (car-detection.mp4), every
# STRIDE-th frame (15: 26 frames over the whole video, cars in and out) at its own size (768x432) and upscaled
# to 3840x2160, each run whole and sliced (tiles of the model's input size, the full-frame pass, every frame
# sliced). Prints detections per frame of the four runs and writes, for the frame given (an index into the
# kept frames), side-by-side stills of the annotated videos (left whole, right sliced).
# Usage: scripts/slicing-stills.sh [OUT_DIR] [STRIDE] [STILL_FRAME] [MODEL]   (needs ffmpeg and jq)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/slicing-stills}"
stride="${2:-15}"
still="${3:-14}"
model="${4:-nanodet-plus-m-320}"
data="${VIGIL_DATA_DIR:-../shared/data}"
video="$data/video/intel-sample-videos/car-detection.mp4"
mkdir -p "$out"
# The kept frames at both sizes, so that the two differ only in resolution (a 4K camera's view of the scene).
for size in native 4k; do
  scale=""
  [[ "$size" == 4k ]] && scale=",scale=3840:2160:flags=lanczos"
  [[ -f "$out/car-$size.mp4" ]] || ffmpeg -v error -y -i "$video" -an -vf "select=not(mod(n\,$stride))$scale" \
    -fps_mode vfr -r 12.5 -c:v libx264 -crf 16 -pix_fmt yuv420p "$out/car-$size.mp4"
done
for size in native 4k; do
  input="$out/car-$size.mp4"
  for mode in whole sliced; do
    run="$out/$size-$mode"
    rm -rf "$run"
    ./vigil run -c conf/demo.yaml -i "$input" -m "$model" \
      --set input.camera-ids=[car] --set tracking.enabled=false \
      --set detect.slicing.enabled=$([[ "$mode" == sliced ]] && echo true || echo false) \
      --set detect.slicing.min-frame-side=0 \
      --set output.path="$run/detections.jsonl" --set output.rejects-path="$run/rejects.jsonl" \
      --set output.annotated-dir="$run/video" --set job.checkpoint-dir="$run/checkpoints" > "$run.log" 2>&1
  done
  ffmpeg -v error -y -i "$out/$size-whole/video/car.mp4" -i "$out/$size-sliced/video/car.mp4" -filter_complex \
    "[0:v]select=eq(n\,$still),scale=960:-2[a];[1:v]select=eq(n\,$still),scale=960:-2[b];[a][b]hstack" \
    -frames:v 1 -q:v 3 "$out/$size-frame-$still.jpg"
done
counts() { jq -r '[.sequence, (.detections | length), .timing.tiles] | @tsv' "$1/detections.jsonl" | sort -n; }
printf '%5s %13s %14s %9s %10s %11s\n' frame native-whole native-sliced 4k-whole 4k-sliced 4k-tiles
paste <(counts "$out/native-whole") <(counts "$out/native-sliced") <(counts "$out/4k-whole") \
  <(counts "$out/4k-sliced") | awk '{printf "%5d %13d %14d %9d %10d %11d\n", $1, $2, $5, $8, $11, $12;
    w += $2; s += $5; W += $8; S += $11} END {printf "%5s %13d %14d %9d %10d\n", "all", w, s, W, S}'
echo "stills: $out/native-frame-$still.jpg $out/4k-frame-$still.jpg"
