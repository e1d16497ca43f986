package dev.vigil.models;

/**
 * A model file whose inputs and outputs are not what its declared (or detected) family expects, or
 * whose family cannot be told from them: raised when the file is checked or loaded, before any
 * frame is processed. The message names the expected and the actual tensors.
 */
public class ModelContractException extends ModelException {

    public ModelContractException(String message) {
        super(message);
    }
}
