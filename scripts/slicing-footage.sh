#!/usr/bin/env bash
# What sliced inference finds on real footage.
# 1. MOT17-04 (an elevated street camera, 1920x1080, about 99 people per frame; its first 8 frames with their
#    ground truth): the job whole and sliced, tracks of persons in MOTChallenge format, scored by track-eval
#    against the ground truth (recall and precision of the boxes, and the tracks' MOTA and IDF1).
# 2. The parking lot seen from above (car-detection.mp4), every STRIDE-th frame (15: 26 frames over the whole
#    video, cars in and out) at its own size (768x432) and upscaled to 3840x2160, each run whole and sliced.
#    Prints detections per frame of the four runs.
# Slicing is the default one: tiles of the model's input size, overlap 0.2, the full-frame pass, every frame
# sliced. Writes side-by-side stills of the annotated videos (left whole, right sliced): MOT17-04's 4th frame,
# and the parking lot's frame STILL_FRAME (an index into the kept frames).
# Usage: scripts/slicing-footage.sh [OUT_DIR] [STRIDE] [STILL_FRAME] [MODEL]   (needs ffmpeg and jq)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/slicing-footage}"
stride="${2:-15}"
still="${3:-14}"
model="${4:-nanodet-plus-m-320}"
data="${VIGIL_DATA_DIR:-../shared/data}"
video="$data/video/intel-sample-videos/car-detection.mp4"
mkdir -p "$out"

# run NAME INPUT SLICED [--set ...]: the demo config on INPUT, outputs under $out/NAME, the log beside them.
run() {
  local name="$1" input="$2" sliced="$3"
  shift 3
  rm -rf "${out:?}/$name"
  ./vigil run -c conf/demo.yaml -i "$input" -m "$model" --set detect.slicing.enabled="$sliced" \
    --set detect.slicing.min-frame-side=0 --set output.path="$out/$name/detections.jsonl" \
    --set output.rejects-path="$out/$name/rejects.jsonl" --set output.tracks-path="$out/$name/tracks.jsonl" \
    --set output.annotated-dir="$out/$name/video" --set job.checkpoint-dir="$out/$name/checkpoints" "$@" \
    > "$out/$name.log" 2>&1
}
# still NAME CAMERA FRAME: frame FRAME of camera CAMERA's annotated videos of runs NAME-whole and NAME-sliced.
still() {
  ffmpeg -v error -y -i "$out/$1-whole/video/$2.mp4" -i "$out/$1-sliced/video/$2.mp4" -filter_complex \
    "[0:v]select=eq(n\,$3),scale=960:-2[a];[1:v]select=eq(n\,$3),scale=960:-2[b];[a][b]hstack" \
    -frames:v 1 -q:v 3 "$out/$1-frame-$3.jpg"
}

echo "MOT17-04, frames 1-8, persons against the ground truth (the first row is the tracker on the public detections):"
for mode in whole sliced; do
  run "mot17-04-$mode" "$data/video/mmtracking-demo-MOT17-04/demo.mp4" $([[ "$mode" == sliced ]] && echo true || echo false) \
    --set input.camera-ids=[MOT17-04] --set output.mot-dir="$out/mot17-04-$mode/mot" --set output.mot-classes=[person]
  echo "$mode:"
  ./vigil track-eval "$data/mot/MOT17-04-FRCNN-mini" --compare "$out/mot17-04-$mode/mot/MOT17-04.txt" \
    -o "$out/track-eval-$mode" 2>&1 | grep -E "MOTA|MOT17-04" | grep -v "gt covers"
done
still mot17-04 MOT17-04 3
echo
# The kept frames at both sizes, so that the two differ only in resolution (a 4K camera's view of the scene).
for size in native 4k; do
  scale=""
  [[ "$size" == 4k ]] && scale=",scale=3840:2160:flags=lanczos"
  [[ -f "$out/car-$size.mp4" ]] || ffmpeg -v error -y -i "$video" -an -vf "select=not(mod(n\,$stride))$scale" \
    -fps_mode vfr -r 12.5 -c:v libx264 -crf 16 -pix_fmt yuv420p "$out/car-$size.mp4"
done
for size in native 4k; do
  for mode in whole sliced; do
    run "$size-$mode" "$out/car-$size.mp4" $([[ "$mode" == sliced ]] && echo true || echo false) \
      --set input.camera-ids=[car] --set tracking.enabled=false
  done
  still "$size" car "$still"
done
counts() { jq -r '[.sequence, (.detections | length), .timing.tiles] | @tsv' "$1/detections.jsonl" | sort -n; }
printf '%5s %13s %14s %9s %10s %11s\n' frame native-whole native-sliced 4k-whole 4k-sliced 4k-tiles
paste <(counts "$out/native-whole") <(counts "$out/native-sliced") <(counts "$out/4k-whole") \
  <(counts "$out/4k-sliced") | awk '{printf "%5d %13d %14d %9d %10d %11d\n", $1, $2, $5, $8, $11, $12;
    w += $2; s += $5; W += $8; S += $11} END {printf "%5s %13d %14d %9d %10d\n", "all", w, s, W, S}'
echo "stills: $out/mot17-04-frame-3.jpg $out/native-frame-$still.jpg $out/4k-frame-$still.jpg"
