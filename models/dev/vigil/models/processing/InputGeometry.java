package dev.vigil.models.processing;

/**
 * Where a source image lands inside the model's input tensor: the resized content's size, its
 * offset (padding on the left/top) and the scale factors. Maps input-tensor coordinates back to the
 * source image, which is how boxes get back to camera pixels.
 *
 * @param sourceWidth width of the source image
 * @param sourceHeight height of the source image
 * @param inputWidth width of the model input
 * @param inputHeight height of the model input
 * @param contentWidth width of the resized image inside the input
 * @param contentHeight height of the resized image inside the input
 * @param padLeft columns of padding left of the content
 * @param padTop rows of padding above the content
 * @param scaleX input pixels per source pixel, horizontally
 * @param scaleY input pixels per source pixel, vertically
 */
public record InputGeometry(
        int sourceWidth,
        int sourceHeight,
        int inputWidth,
        int inputHeight,
        int contentWidth,
        int contentHeight,
        int padLeft,
        int padTop,
        double scaleX,
        double scaleY) {

    /** The whole frame stretched to the input size; the aspect ratio is not kept. */
    public static InputGeometry stretch(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight) {
        return new InputGeometry(sourceWidth, sourceHeight, inputWidth, inputHeight, inputWidth, inputHeight, 0, 0,
                (double) inputWidth / sourceWidth, (double) inputHeight / sourceHeight);
    }

    /**
     * The frame scaled by one ratio to fit (upscaling allowed) and centred, as YOLOv5/YOLOv6's
     * {@code letterbox}: content {@code round(W*r) x round(H*r)}, the padding split as
     * {@code round(d/2 - 0.1)} before and the rest after. Python's {@code round} rounds halves to
     * even, hence {@link Math#rint}.
     */
    public static InputGeometry letterbox(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight) {
        double ratio = Math.min((double) inputHeight / sourceHeight, (double) inputWidth / sourceWidth);
        int contentWidth = Math.min(inputWidth, (int) Math.rint(sourceWidth * ratio));
        int contentHeight = Math.min(inputHeight, (int) Math.rint(sourceHeight * ratio));
        double halfPadX = (inputWidth - contentWidth) / 2.0;
        double halfPadY = (inputHeight - contentHeight) / 2.0;
        int padLeft = (int) Math.round(halfPadX - 0.1);
        int padTop = (int) Math.round(halfPadY - 0.1);
        return new InputGeometry(sourceWidth, sourceHeight, inputWidth, inputHeight, contentWidth, contentHeight,
                padLeft, padTop, ratio, ratio);
    }

    public float toSourceX(float inputX) {
        return (float) ((inputX - padLeft) / scaleX);
    }

    public float toSourceY(float inputY) {
        return (float) ((inputY - padTop) / scaleY);
    }

    public float toInputX(float sourceX) {
        return (float) (sourceX * scaleX + padLeft);
    }

    public float toInputY(float sourceY) {
        return (float) (sourceY * scaleY + padTop);
    }
}
