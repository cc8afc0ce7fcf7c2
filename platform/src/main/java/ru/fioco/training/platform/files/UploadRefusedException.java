package ru.fioco.training.platform.files;

import java.util.List;

import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;

/** The uploaded file is refused (type, content, emptiness): HTTP 400 naming the form field. Nothing of it is kept. */
public class UploadRefusedException extends InvalidInputException {

    public UploadRefusedException(String field, String message) {
        super(List.of(new FieldViolation(field, message)));
    }
}
