/**
 * Validated value objects of an application form's requisites and personal identifiers (INN, KPP, BIK,
 * settlement account, OGRN/OGRNIP, SNILS, phone, e-mail).
 *
 * <p>Every type has one shape: a record with a single {@code value} component holding the normalised
 * form, a {@code static parse(String)} that trims, validates and normalises (throwing
 * {@link java.lang.IllegalArgumentException} with a Russian message fit for a form), and a
 * {@code static Optional<String> problem(String)} giving the same message without an exception, so that
 * a caller can collect every error of a form at once. The canonical constructor applies the same rules
 * as {@code parse}. Null or blank input gives «обязательное поле». Only the JDK is used here.
 *
 * <p>Checksums follow the shared reference, section "Organisation and person identifiers".
 */
package ru.fioco.training.application.domain.requisites;
