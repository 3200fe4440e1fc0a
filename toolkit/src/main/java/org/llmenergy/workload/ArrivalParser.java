package org.llmenergy.workload;

/**
 * Parses arrival times from bytes into nanoseconds, without allocating.
 *
 * <ul>
 *   <li>{@link #DATE_TIME}: {@code yyyy-MM-dd HH:mm:ss[.f…]} (a 'T' may replace the space), 0 to 9 fractional
 *       digits, optionally followed by {@code Z} or an offset {@code ±HH:MM}; a time without an offset is taken
 *       as UTC (the Azure 2023 trace has none; the 2024 trace writes {@code +00:00}). Result: nanoseconds since
 *       1970-01-01T00:00Z.</li>
 *   <li>{@link #SECONDS}: a non-negative decimal number of seconds (BurstGPT's seconds since the trace's
 *       start), up to 9 fractional digits. Result: that many nanoseconds.</li>
 *   <li>{@link #AUTO}: {@link #DATE_TIME} when the text has a '-' after its first character, else
 *       {@link #SECONDS}.</li>
 * </ul>
 */
enum ArrivalParser {
    DATE_TIME, SECONDS, AUTO;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /**
     * Remembers the last date-time's {@code yyyy-MM-dd HH:mm} bytes and their epoch second, so a trace whose
     * consecutive rows share the minute (tens of requests per second in the Azure traces) parses only seconds,
     * fraction and offset. The remembered prefix was fully validated when first seen. One per pass.
     */
    static final class Memo {
        private long prefix0;
        private long prefix8;
        private boolean valid;
        private long minuteEpochSecond;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * @throws IllegalArgumentException with a short reason when the text is not a valid time
     */
    long parseNanos(byte[] b, int from, int to) { return parseNanos(b, from, to, null); }

    /** As {@link #parseNanos(byte[], int, int)}, reusing {@code memo} (may be null) across consecutive rows. */
    long parseNanos(byte[] b, int from, int to, Memo memo) {
        return switch (this) {
            case DATE_TIME -> dateTime(b, from, to, memo);
            case SECONDS -> seconds(b, from, to);
            case AUTO -> looksLikeDate(b, from, to) ? dateTime(b, from, to, memo) : seconds(b, from, to);
        };
    }

    private static boolean looksLikeDate(byte[] b, int from, int to) {
        for (int i = from + 1; i < to; i++) if (b[i] == '-') return true;
        return false;
    }

    static long seconds(byte[] b, int from, int to) {
        if (from == to) throw new IllegalArgumentException("empty time, expected seconds");
        long whole = 0;
        int i = from;
        for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
            whole = whole * 10 + (b[i] - '0');
            if (whole > 9_000_000_000L) throw new IllegalArgumentException("time in seconds out of range");
        }
        if (i == from) throw new IllegalArgumentException("expected a non-negative number of seconds");
        long nanos = 0;
        if (i < to) {
            if (b[i] != '.') throw new IllegalArgumentException("expected a non-negative number of seconds");
            i++;
            int digits = 0;
            for (; i < to && b[i] >= '0' && b[i] <= '9'; i++, digits++) {
                if (digits < 9) nanos = nanos * 10 + (b[i] - '0');
            }
            if (i < to) throw new IllegalArgumentException("expected a non-negative number of seconds");
            for (; digits < 9; digits++) nanos *= 10;
        }
        return whole * NANOS_PER_SECOND + nanos;
    }

    static long dateTime(byte[] b, int from, int to) { return dateTime(b, from, to, null); }

    static long dateTime(byte[] b, int from, int to, Memo memo) {
        int n = to - from;
        if (n < 19 || b[from + 16] != ':') {
            throw new IllegalArgumentException("expected a date-time like 2024-05-10 00:00:00.009930+00:00");
        }
        long minuteEpochSecond;
        // The first 16 bytes, yyyy-MM-dd HH:mm, as two words: equal words mean the same (validated) minute.
        long p0 = (long) LONGS.get(b, from);
        long p8 = (long) LONGS.get(b, from + 8);
        if (memo != null && memo.valid && memo.prefix0 == p0 && memo.prefix8 == p8) {
            minuteEpochSecond = memo.minuteEpochSecond;
        } else {
            minuteEpochSecond = minute(b, from);
            if (memo != null) {
                memo.prefix0 = p0;
                memo.prefix8 = p8;
                memo.minuteEpochSecond = minuteEpochSecond;
                memo.valid = true;
            }
        }
        int second = twoDigits(b, from + 17);
        if (second > 59) throw new IllegalArgumentException("date-time out of range");
        int i = from + 19;
        long nanos = 0;
        if (i < to && b[i] == '.') {
            i++;
            int count = 0;
            for (; i < to && b[i] >= '0' && b[i] <= '9'; i++, count++) {
                if (count >= 9) throw new IllegalArgumentException("more than 9 fractional digits");
                nanos = nanos * 10 + (b[i] - '0');
            }
            if (count == 0) throw new IllegalArgumentException("no digits after the decimal point");
            for (; count < 9; count++) nanos *= 10;
        }
        int offsetSeconds = 0;
        if (i < to) {
            byte sign = b[i];
            if (sign == 'Z' && i + 1 == to) {
                i++;
            } else if ((sign == '+' || sign == '-') && (to - i == 6 && b[i + 3] == ':' || to - i == 5)) {
                int oh = twoDigits(b, i + 1);
                int om = twoDigits(b, to - 2);
                if (oh > 18 || om > 59) throw new IllegalArgumentException("time-zone offset out of range");
                offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
                i = to;
            } else {
                throw new IllegalArgumentException("unexpected text after the time");
            }
        }
        long epochSecond = minuteEpochSecond + second - offsetSeconds;
        return epochSecond * NANOS_PER_SECOND + nanos;
    }

    /** Validates {@code yyyy-MM-dd HH:mm} at {@code from} and returns its epoch second (UTC). */
    private static long minute(byte[] b, int from) {
        if (b[from + 4] != '-' || b[from + 7] != '-' || (b[from + 10] != ' ' && b[from + 10] != 'T') || b[from + 13] != ':') {
            throw new IllegalArgumentException("expected a date-time like 2024-05-10 00:00:00.009930+00:00");
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59) {
            throw new IllegalArgumentException("date-time out of range");
        }
        return epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L;
    }

    private static int twoDigits(byte[] b, int at) {
        int hi = b[at] - '0';
        int lo = b[at + 1] - '0';
        if (hi < 0 || hi > 9 || lo < 0 || lo > 9) throw new IllegalArgumentException("expected a digit in the date-time");
        return hi * 10 + lo;
    }

    private static int digits(byte[] b, int at, int count) {
        int v = 0;
        for (int k = at; k < at + count; k++) {
            int d = b[k] - '0';
            if (d < 0 || d > 9) throw new IllegalArgumentException("expected a digit in the date-time");
            v = v * 10 + d;
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil algorithm). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
