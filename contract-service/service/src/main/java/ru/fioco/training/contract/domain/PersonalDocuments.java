package ru.fioco.training.contract.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The contract's Word documents with the persons' names sealed inside them (a port: the DOCX handling is infra's).
 * A stored document names nobody in the clear; a download opens the names, an erased person's as «удалено».
 */
public interface PersonalDocuments {

    /** The document as a reader gets it: every sealed name opened. */
    byte[] opened(InputStream docx) throws IOException;

    /**
     * A document edited outside (names in the clear) with every occurrence of a known name sealed with its person's
     * key; {@code names} maps the name to the key ({@code participant:<id>}).
     *
     * @throws IOException              not a Word document
     * @throws IllegalArgumentException a Word document with nothing in it
     */
    byte[] sealed(InputStream docx, Map<String, String> names) throws IOException;
}
