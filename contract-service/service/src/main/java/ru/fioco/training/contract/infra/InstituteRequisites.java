package ru.fioco.training.contract.infra;

import io.smallrye.config.ConfigMapping;

/**
 * The institute's own requisites, printed on every contract, invoice and act (the payee of the invoice). They come
 * from configuration, not code: the treasury account changes with the Federal Treasury, the signatory with an order.
 */
@ConfigMapping(prefix = "institute")
public interface InstituteRequisites {

    String name();

    String inn();

    String kpp();

    String ogrn();

    String address();

    /** The treasury account («казначейский счёт»). */
    String account();

    /** The bank: for a federal budget institution, the Bank of Russia's division with the Federal Treasury. */
    String bank();

    String bik();

    /** The single treasury account («ЕКС»), printed where a bank's correspondent account would be. */
    String correspondentAccount();

    /** Who signs for the institute, as the signature block reads: «Директор». */
    String signatoryPosition();

    String signatoryName();

    /** After «на основании», in the genitive: «Устава», «доверенности № 5 от 10.01.2026». */
    String signatoryBasis();

    String accountant();
}
