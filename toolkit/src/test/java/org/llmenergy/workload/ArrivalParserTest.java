package org.llmenergy.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArrivalParserTest {
    private static long parse(ArrivalParser p, String s) {
        byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.US_ASCII);
        return p.parseNanos(b, 2, 2 + s.length());
    }

    private static long nanos(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void azure2023TimesHaveSevenFractionalDigitsAndNoZone() {
        assertEquals(nanos("2023-11-16T18:17:03.979960Z"), parse(ArrivalParser.DATE_TIME, "2023-11-16 18:17:03.9799600"));
        assertEquals(nanos("2023-11-16T19:14:19.928016Z"), parse(ArrivalParser.DATE_TIME, "2023-11-16 19:14:19.9280160"));
    }

    @Test
    void azure2024TimesCarryAnOffset() {
        assertEquals(nanos("2024-05-10T00:00:00.009930Z"), parse(ArrivalParser.DATE_TIME, "2024-05-10 00:00:00.009930+00:00"));
        assertEquals(nanos("2024-05-10T05:30:00Z"), parse(ArrivalParser.DATE_TIME, "2024-05-10 00:00:00-05:30"));
        assertEquals(nanos("2024-02-29T23:59:59.123456789Z"), parse(ArrivalParser.DATE_TIME, "2024-02-29T23:59:59.123456789Z"));
    }

    @Test
    void memoOfTheMinuteGivesTheSameTimesAndStillValidates() {
        ArrivalParser.Memo memo = new ArrivalParser.Memo();
        String[] times = {"2024-05-10 00:00:00.009930+00:00", "2024-05-10 00:00:59.5+00:00", "2024-05-10 00:01:00+00:00",
                "2024-05-10 00:01:07.25-01:00", "2024-05-11 00:01:07.25-01:00", "2024-05-10 00:01:07Z"};
        for (String t : times) {
            byte[] b = t.getBytes(StandardCharsets.US_ASCII);
            assertEquals(parse(ArrivalParser.DATE_TIME, t), ArrivalParser.DATE_TIME.parseNanos(b, 0, b.length, memo), t);
        }
        // Same minute as the memo, bad seconds or bad suffix: still rejected.
        for (String bad : new String[] {"2024-05-10 00:01:60+00:00", "2024-05-10 00:01:0x+00:00", "2024-05-10 00:01:07+00:0"}) {
            byte[] b = bad.getBytes(StandardCharsets.US_ASCII);
            assertThrows(IllegalArgumentException.class, () -> ArrivalParser.DATE_TIME.parseNanos(b, 0, b.length, memo), bad);
        }
        byte[] badMinute = "2024-05-10 00:61:07+00:00".getBytes(StandardCharsets.US_ASCII);
        assertThrows(IllegalArgumentException.class, () -> ArrivalParser.DATE_TIME.parseNanos(badMinute, 0, badMinute.length, memo));
    }

    @Test
    void epochDayAgreesWithJavaTime() {
        Random r = new Random(7);
        for (int k = 0; k < 2000; k++) {
            LocalDate d = LocalDate.ofEpochDay(r.nextInt(200_000) - 100_000);
            assertEquals(d.toEpochDay(), ArrivalParser.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d.toString());
        }
    }

    @Test
    void secondsSinceTraceStart() {
        assertEquals(45_000_000_000L, parse(ArrivalParser.SECONDS, "45"));
        assertEquals(1_500_000_000L, parse(ArrivalParser.SECONDS, "1.5"));
        assertEquals(parse(ArrivalParser.DATE_TIME, "2024-05-10 00:00:00"), parse(ArrivalParser.AUTO, "2024-05-10 00:00:00"));
        assertEquals(7_000_000_000L, parse(ArrivalParser.AUTO, "7"));
    }

    @Test
    void rejectsMalformedTimes() {
        for (String bad : new String[] {"2023-13-01 00:00:00", "2023-02-29 00:00:00", "2023-11-16 24:00:00",
                "2023-11-16 18:17", "2023-11-16 18:17:03.", "2023-11-16 18:17:03.1234567890", "2023-11-16 18:17:03 UTC",
                "2023-1x-16 18:17:03", "2024-05-10 00:00:00+0:00"}) {
            assertThrows(IllegalArgumentException.class, () -> parse(ArrivalParser.DATE_TIME, bad), bad);
        }
        for (String bad : new String[] {"", "-5", "1.2.3", "abc", "5s"}) {
            assertThrows(IllegalArgumentException.class, () -> parse(ArrivalParser.SECONDS, bad), bad);
        }
    }
}
