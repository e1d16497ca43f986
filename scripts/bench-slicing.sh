#!/usr/bin/env bash
# Sliced inference on a small-object benchmark: builds COCO mosaics from coco128 (./vigil make-mosaics), then
# scores each model without slicing, sliced with the full-frame pass and sliced without it, and prints AP,
# AP50, AP_small and AP_large of each as one table. Usage: scripts/bench-slicing.sh [OUT_DIR] [MODEL...]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/slicing-bench}"
shift || true
models=("$@")
if [[ ${#models[@]} -eq 0 ]]; then
  models=(nanodet-plus-m-320 nanodet-plus-m-416 yolov6lite-s yolov6lite-l)
fi
./vigil make-mosaics -o "$out/mosaics"
printf '%-20s %-26s %7s %7s %8s %8s %9s\n' model slicing AP AP50 AP_small AP_large images/s
for model in "${models[@]}"; do
  for variant in "off" "tiles + full frame" "tiles only"; do
    case "$variant" in
      off) args=() ;;
      "tiles + full frame") args=(--slicing model) ;;
      "tiles only") args=(--slicing model --full-frame false) ;;
    esac
    log="$out/$model-${variant// /-}.log"
    ./vigil evaluate -m "$model" --images "$out/mosaics/images" --annotations "$out/mosaics/annotations.json" \
      --results "$out/$model-${variant// /-}.json" "${args[@]}" > "$log" 2>&1
    ap()   { grep -F "IoU=0.50:0.95 | area=$1 | maxDets=100" "$log" | head -1 | awk '{print $NF}'; }
    ap50=$(grep -F "(AP @[IoU=0.50      | area=   all" "$log" | awk '{print $NF}')
    speed=$(grep -oE '\(([0-9.]+) images/s\)' "$log" | tail -1 | tr -d '()' | awk '{print $1}')
    printf '%-20s %-26s %7s %7s %8s %8s %9s\n' "$model" "$variant" "$(ap '   all')" "$ap50" "$(ap ' small')" \
      "$(ap ' large')" "$speed"
  done
done
