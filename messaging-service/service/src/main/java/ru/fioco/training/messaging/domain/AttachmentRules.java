package ru.fioco.training.messaging.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import ru.fioco.training.platform.files.UploadPolicy;

/**
 * What a chat attachment may be: any file up to 40 MB (the seed's limit) except programs and scripts.
 * The type is judged by content; the name is judged too, because a script is plain text to any detector
 * and a name like {@code счёт.js} would still run when double-clicked on the recipient's computer.
 */
public final class AttachmentRules {

    public static final long MAX_BYTES = 40L * 1024 * 1024;

    /** Programs, scripts and active documents as Tika names them from their first bytes. */
    static final Set<String> REFUSED_TYPES = Set.of(
            "application/x-msdownload", "application/x-dosexec", "application/x-ms-installer", "application/x-msi",
            "application/x-executable", "application/x-elf", "application/x-sharedlib", "application/x-object",
            "application/x-coredump", "application/x-mach-o-executable", "application/x-mach-o",
            "application/x-mach-o-dylib", "application/x-mach-o-bundle", "application/java-vm",
            "application/x-java-applet", "application/java-archive", "application/x-sh", "application/x-csh",
            "application/x-bat", "application/x-msdos-program", "text/x-python", "text/x-perl", "text/x-php",
            "application/x-httpd-php", "text/x-ruby", "text/x-sh", "text/x-csh", "text/javascript",
            "application/javascript", "text/x-vbscript", "text/vbscript", "application/hta", "text/html",
            "application/xhtml+xml", "image/svg+xml", "application/x-shockwave-flash", "application/x-ms-shortcut",
            "application/x-apple-diskimage");

    /** Names Windows or a desktop would run or interpret on a double click. */
    static final Set<String> REFUSED_EXTENSIONS = Set.of(
            "exe", "com", "bat", "cmd", "scr", "pif", "cpl", "msi", "msp", "msc", "dll", "sys", "drv", "ocx",
            "js", "jse", "mjs", "vbs", "vbe", "wsf", "wsh", "ws", "ps1", "psm1", "psd1", "hta", "lnk", "inf", "reg",
            "jar", "class", "sh", "bash", "zsh", "csh", "ksh", "command", "py", "pyw", "pl", "php", "rb", "app",
            "elf", "run", "apk", "dmg", "pkg", "deb", "rpm", "html", "htm", "xhtml", "svg", "url", "scf",
            "chm", "application", "gadget", "appref-ms", "iso", "vhd", "vhdx");

    public static final UploadPolicy POLICY = new UploadPolicy(MAX_BYTES, Set.of(), REFUSED_TYPES, false);

    private AttachmentRules() {
    }

    /** @return the Russian reason a name is refused, if it is */
    public static Optional<String> nameProblem(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return Optional.of("укажите имя файла (параметр name)");
        }
        String lower = fileName.strip().toLowerCase(Locale.ROOT);
        // the last extension decides what a desktop does; trailing dots and spaces are dropped by Windows
        String trimmed = lower.replaceAll("[.\\s]+$", "");
        int dot = trimmed.lastIndexOf('.');
        String extension = dot < 0 ? "" : trimmed.substring(dot + 1).strip();
        if (REFUSED_EXTENSIONS.contains(extension)) {
            return Optional.of("программы и сценарии (." + extension + ") пересылать нельзя; "
                    + "при необходимости сохраните документ в PDF");
        }
        return Optional.empty();
    }
}
