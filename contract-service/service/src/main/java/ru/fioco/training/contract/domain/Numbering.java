package ru.fioco.training.contract.domain;

/** Unique, increasing numbers per series and year (invoices, acts, certificate registration numbers). */
public interface Numbering {

    /** E.g. {@code next("СЧ", 2026)} -> {@code СЧ-2026-000001}. */
    String next(String series, int year);
}
