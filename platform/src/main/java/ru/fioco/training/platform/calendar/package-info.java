/**
 * Time in Moscow and the Russian production (working-day) calendar.
 *
 * <p>The official calendars ship as {@code src/main/resources/calendar/ru-YYYY.xml} (2024–2026) in the
 * widely used "xmlcalendar" format (the day-off moves set each year by a Government decree, as
 * published by the xmlcalendar project); configuration may replace or add years
 * ({@code platform.calendar.directory}). A year without official data gets a provisional calendar
 * derived from art. 112 of the Labour Code, and every deadline counted on it says so. See
 * {@link ru.fioco.training.platform.calendar.ProductionCalendar}.
 */
package ru.fioco.training.platform.calendar;
