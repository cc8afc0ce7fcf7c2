package ru.fioco.training.platform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Russian production calendar: which Moscow dates are working days, and the two counting
 * conventions of the process (REFERENCE.md, "Working days").
 *
 * <p><b>Data.</b> Official years come from files in the "xmlcalendar" format
 * ({@code <day d="MM.DD" t=".."/>}: t=1 day off, t=2 shortened working day, t=3 working weekend day;
 * a Saturday or Sunday not listed is a day off, a listed one with t=2 or t=3 is a working day). The
 * files for 2024–2026 ship in {@code /calendar/ru-YYYY.xml} on the classpath ({@link #official()});
 * {@link #load(Path)} lets configuration replace a shipped year or add one. A year after (or between)
 * the official ones gets a <em>provisional</em> calendar derived from the Labour Code, art. 112:
 * weekends, the holidays 1–8 January, 23 February, 8 March, 1 May, 9 May, 12 June, 4 November, and a
 * holiday on a Saturday or Sunday moves the day off to the next working day, except 1–8 January
 * (whose moves only the Government's decree sets). Dates before {@link #firstKnownYear()} are an error.
 *
 * <p>Immutable and thread-safe: official years are fixed at construction; provisional years are
 * derived on first use into a concurrent cache, always to the same result.
 */
public final class ProductionCalendar {

    /** The time zone every date of the process is taken in. */
    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    /**
     * The years {@link #official()} looks for on the classpath. Probing a fixed range instead of
     * reading an index file: shipping a new year is dropping in one file, with no list to keep in step
     * with it; the hundred lookups happen once per JVM.
     */
    static final int PROBED_FIRST_YEAR = 2000;
    static final int PROBED_LAST_YEAR = 2100;

    private static final Pattern FILE_NAME = Pattern.compile("ru-(\\d{4})\\.xml");
    private static final Pattern DAY = Pattern.compile("(\\d{2})\\.(\\d{2})");

    /** Labour Code art. 112 holidays, in calendar order. */
    private static final List<MonthDay> LABOUR_CODE_HOLIDAYS = List.of(
            MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4),
            MonthDay.of(1, 5), MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8),
            MonthDay.of(2, 23), MonthDay.of(3, 8), MonthDay.of(5, 1), MonthDay.of(5, 9),
            MonthDay.of(6, 12), MonthDay.of(11, 4));

    private final NavigableMap<Integer, YearDays> officialYears;
    private final int firstKnownYear;
    private final ConcurrentMap<Integer, YearDays> provisionalYears = new ConcurrentHashMap<>();

    private ProductionCalendar(Map<Integer, YearDays> officialYears) {
        if (officialYears.isEmpty()) {
            throw new IllegalArgumentException("Производственный календарь пуст: нет ни одного года с официальными данными");
        }
        this.officialYears = Collections.unmodifiableNavigableMap(new TreeMap<>(officialYears));
        this.firstKnownYear = this.officialYears.firstKey();
    }

    // ---------------------------------------------------------------- construction

    /** The official calendars shipped with the code ({@code /calendar/ru-YYYY.xml}); one instance per JVM. */
    public static ProductionCalendar official() {
        return Shipped.INSTANCE;
    }

    /**
     * The shipped calendars, with every {@code ru-YYYY.xml} in {@code directory} replacing the shipped
     * year or adding one (other files are ignored).
     *
     * @throws IllegalArgumentException if the directory does not exist or a file is not a valid calendar
     *                                  of the year its name says
     * @throws UncheckedIOException     if a file cannot be read
     */
    public static ProductionCalendar load(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("Каталог производственного календаря не найден: " + directory);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.filter(f -> FILE_NAME.matcher(f.getFileName().toString()).matches())
                    .filter(Files::isRegularFile)
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось прочитать каталог производственного календаря " + directory, e);
        }
        Map<Integer, YearDays> years = new TreeMap<>(official().officialYears);
        for (Path file : files) {
            Matcher name = FILE_NAME.matcher(file.getFileName().toString());
            name.matches();
            int expected = Integer.parseInt(name.group(1));
            YearDays year;
            try (InputStream in = Files.newInputStream(file)) {
                year = parse(in, file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Не удалось прочитать файл производственного календаря " + file, e);
            }
            if (year.year != expected) {
                throw new IllegalArgumentException("Файл производственного календаря " + file
                        + " содержит " + year.year + " год, а по имени должен содержать " + expected);
            }
            years.put(year.year, year);
        }
        return new ProductionCalendar(years);
    }

    /**
     * This calendar with one official year (an "xmlcalendar" document) replacing the one it had or a
     * provisional one; this calendar itself is unchanged.
     *
     * @throws IllegalArgumentException if the document is not a valid calendar
     */
    public ProductionCalendar withOfficialYear(InputStream xml) {
        Objects.requireNonNull(xml, "xml");
        YearDays year = parse(xml, "(загруженный файл)");
        Map<Integer, YearDays> years = new TreeMap<>(officialYears);
        years.put(year.year, year);
        return new ProductionCalendar(years);
    }

    // ---------------------------------------------------------------- queries

    /** Whether {@code date} is a working day (shortened days and working Saturdays included). */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return yearOf(date).isWorking(date);
    }

    /** Whether {@code date} lies in a year without official data, judged by the Labour Code alone. */
    public boolean isProvisional(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return yearOf(date).provisional;
    }

    /** The first year with data; earlier dates are an error. */
    public int firstKnownYear() {
        return firstKnownYear;
    }

    /** The years with official data, ascending. */
    public NavigableSet<Integer> officialYears() {
        return officialYears.navigableKeySet();
    }

    // ---------------------------------------------------------------- counting conventions

    /**
     * "No later than N working days before the start": the N-th working day counted backwards from the
     * day before {@code start}, the start itself not counted. Start Monday 2025-05-12 (8–11 May off),
     * N = 3: 7, 6, 5 May, so 2025-05-05.
     *
     * @throws IllegalArgumentException if {@code n < 1} or the count reaches before {@link #firstKnownYear()}
     */
    public Deadline lastDayNoLaterThanWorkingDaysBefore(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        requirePositive(n);
        LocalDate day = start;
        boolean provisional = false;
        for (int found = 0; found < n; ) {
            day = day.minusDays(1);
            YearDays year = yearOf(day);
            provisional |= year.provisional;
            if (year.isWorking(day)) {
                found++;
            }
        }
        return new Deadline(day, provisional);
    }

    /**
     * "Within N working days after" an event on {@code day}: the N-th working day after it, the day
     * itself not counted whether it is a working day or not; due at its {@link #endOfDay end}.
     *
     * @throws IllegalArgumentException if {@code n < 1} or a day counted lies before {@link #firstKnownYear()}
     */
    public Deadline endOfWorkingDaysAfter(LocalDate day, int n) {
        Objects.requireNonNull(day, "day");
        requirePositive(n);
        LocalDate current = day;
        boolean provisional = false;
        for (int found = 0; found < n; ) {
            current = current.plusDays(1);
            YearDays year = yearOf(current);
            provisional |= year.provisional;
            if (year.isWorking(current)) {
                found++;
            }
        }
        return new Deadline(current, provisional);
    }

    /** The last instant of {@code date} in Moscow: 23:59:59.999999999. */
    public static ZonedDateTime endOfDay(LocalDate date) {
        return date.atTime(LocalTime.MAX).atZone(MOSCOW);
    }

    /** Today's date in Moscow by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), MOSCOW);
    }

    @Override
    public String toString() {
        return "ProductionCalendar[official years " + officialYears.keySet() + "]";
    }

    // ---------------------------------------------------------------- internals

    private static void requirePositive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Число рабочих дней должно быть не меньше 1, получено " + n);
        }
    }

    private YearDays yearOf(LocalDate date) {
        int y = date.getYear();
        if (y < firstKnownYear) {
            throw new IllegalArgumentException("Дата " + date + " раньше начала производственного календаря: "
                    + "данные есть с " + firstKnownYear + " года");
        }
        YearDays official = officialYears.get(y);
        return official != null ? official : provisionalYears.computeIfAbsent(y, ProductionCalendar::provisionalYear);
    }

    /** Labour Code art. 112 alone: weekends, the holidays, and weekend holidays (not 1–8 January) moved. */
    private static YearDays provisionalYear(int y) {
        BitSet off = weekends(y);
        for (MonthDay holiday : LABOUR_CODE_HOLIDAYS) {
            off.set(holiday.atYear(y).getDayOfYear() - 1);
        }
        for (MonthDay holiday : LABOUR_CODE_HOLIDAYS) {
            LocalDate date = holiday.atYear(y);
            boolean newYearHolidays = holiday.getMonth() == Month.JANUARY && holiday.getDayOfMonth() <= 8;
            if (newYearHolidays || !isWeekend(date)) {
                continue;
            }
            // the next day that is still a working day (not a weekend, holiday or an earlier moved day off)
            LocalDate moved = date.plusDays(1);
            while (moved.getYear() == y && off.get(moved.getDayOfYear() - 1)) {
                moved = moved.plusDays(1);
            }
            if (moved.getYear() == y) {
                off.set(moved.getDayOfYear() - 1);
            }
        }
        return new YearDays(y, off, true);
    }

    private static BitSet weekends(int y) {
        LocalDate first = LocalDate.of(y, 1, 1);
        BitSet off = new BitSet(first.lengthOfYear());
        for (LocalDate d = first; d.getYear() == y; d = d.plusDays(1)) {
            if (isWeekend(d)) {
                off.set(d.getDayOfYear() - 1);
            }
        }
        return off;
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Parses one "xmlcalendar" document, with DTDs and external entities refused (XXE-safe). */
    private static YearDays parse(InputStream xml, String source) {
        Document document;
        try {
            document = secureBuilder().parse(xml);
        } catch (SAXException e) {
            throw new IllegalArgumentException("Файл производственного календаря " + source
                    + " не разобран: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось прочитать файл производственного календаря " + source, e);
        }
        Element root = document.getDocumentElement();
        if (!"calendar".equals(root.getTagName())) {
            throw invalid(source, "корневой элемент должен быть <calendar>, а не <" + root.getTagName() + ">");
        }
        String yearText = root.getAttribute("year");
        if (!yearText.matches("\\d{4}")) {
            throw invalid(source, "атрибут year должен быть годом из 4 цифр, а не \"" + yearText + "\"");
        }
        int y = Integer.parseInt(yearText);
        BitSet off = weekends(y);
        Set<LocalDate> listed = new HashSet<>();
        NodeList days = root.getElementsByTagName("day");
        for (int i = 0; i < days.getLength(); i++) {
            Element day = (Element) days.item(i);
            String d = day.getAttribute("d");
            Matcher m = DAY.matcher(d);
            if (!m.matches()) {
                throw invalid(source, "день \"" + d + "\" не в формате ММ.ДД");
            }
            LocalDate date;
            try {
                date = LocalDate.of(y, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (DateTimeException e) {
                throw invalid(source, "дня " + d + " нет в " + y + " году");
            }
            if (!listed.add(date)) {
                throw invalid(source, "день " + d + " указан дважды");
            }
            String t = day.getAttribute("t");
            switch (t) {
                case "1":
                    off.set(date.getDayOfYear() - 1);
                    break;
                case "2":
                case "3":
                    off.clear(date.getDayOfYear() - 1);
                    break;
                default:
                    throw invalid(source, "у дня " + d + " неизвестный тип t=\"" + t + "\" (ожидается 1, 2 или 3)");
            }
        }
        return new YearDays(y, off, false);
    }

    private static IllegalArgumentException invalid(String source, String problem) {
        return new IllegalArgumentException("Файл производственного календаря " + source + " неверен: " + problem);
    }

    private static DocumentBuilder secureBuilder() {
        try {
            // the JDK's own parser, whatever else is on the classpath, so that the features below exist
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("внешние сущности запрещены: " + systemId);
            });
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // nothing: a warning does not make the file wrong
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser without secure processing", e);
        }
    }

    private static ProductionCalendar loadShipped() {
        Map<Integer, YearDays> years = new TreeMap<>();
        for (int y = PROBED_FIRST_YEAR; y <= PROBED_LAST_YEAR; y++) {
            String resource = "/calendar/ru-" + y + ".xml";
            try (InputStream in = ProductionCalendar.class.getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                YearDays year = parse(in, resource);
                if (year.year != y) {
                    throw new IllegalStateException("Shipped calendar " + resource + " holds year " + year.year);
                }
                years.put(y, year);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read shipped calendar " + resource, e);
            }
        }
        if (years.isEmpty()) {
            throw new IllegalStateException("No production calendar on the classpath (/calendar/ru-YYYY.xml)");
        }
        return new ProductionCalendar(years);
    }

    /** Lazily loaded, once: the holder class is initialised on the first {@link #official()} call. */
    private static final class Shipped {
        static final ProductionCalendar INSTANCE = loadShipped();
    }

    /** One year's days off (bit = day of year − 1); never modified after construction. */
    private static final class YearDays {
        final int year;
        final BitSet daysOff;
        final boolean provisional;

        YearDays(int year, BitSet daysOff, boolean provisional) {
            this.year = year;
            this.daysOff = daysOff;
            this.provisional = provisional;
        }

        boolean isWorking(LocalDate date) {
            return !daysOff.get(date.getDayOfYear() - 1);
        }
    }
}
