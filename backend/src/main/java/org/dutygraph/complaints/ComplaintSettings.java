package org.dutygraph.complaints;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dutygraph.complaints.*}.
 *
 * @param pepper             base64 server secret (32+ bytes) keying receipt hashes; never stored in the graph
 * @param pepperFile         where the pepper is read from when {@code pepper} is unset (created, random, if missing)
 * @param receiptCost        scrypt cost as log2(N) for receipt hashes (r = 8, p = 1). 9 (512 KiB, about 1.6 ms on
 *                           the reference machine) keeps 200 submissions a second on two cores; a receipt carries
 *                           100 random bits, so guessing is stopped by its entropy and the pepper, the cost is depth
 * @param workdayEnd         when a working day ends (a complaint received after it is registered the next day)
 * @param workingDays        working days allowed in each status before the next step is due
 * @param escalationInterval how often overdue complaints are looked for
 * @param writer             how submissions are written (see SubmissionWriter)
 * @param officeUnitIds      the units whose inspectors are the efficiency office handling complaints (see ComplaintOffice)
 * @param rehearsal          how long the service rehearses complaint submissions at start, before it accepts traffic,
 *                           so that the first citizens after a deployment do not wait for the JIT compilers; nothing
 *                           is stored (0 turns it off; see StartupRehearsal)
 */
@ConfigurationProperties("dutygraph.complaints")
public record ComplaintSettings(
        String pepper,
        @DefaultValue("data/complaint-pepper.key") String pepperFile,
        @DefaultValue("9") int receiptCost,
        @DefaultValue("18:00") LocalTime workdayEnd,
        Map<String, Integer> workingDays,
        @DefaultValue("1m") Duration escalationInterval,
        @DefaultValue Photos photos,
        @DefaultValue Writer writer,
        @DefaultValue({}) java.util.List<String> officeUnitIds,
        @DefaultValue("20s") Duration rehearsal) {

    static final Map<String, Integer> DEFAULT_WORKING_DAYS = Map.of(
            "RECEIVED",
            0,
            "REGISTERED",
            1,
            "REOPENED",
            1,
            "ASSIGNED",
            2,
            "INVESTIGATING",
            10,
            "CONCLUDED",
            3,
            "ANSWERED",
            5);

    /** Working days the step after {@code status} may take; null when nothing is due (published). */
    public Integer workingDaysIn(String status) {
        var configured = workingDays == null ? null : workingDays.get(status);
        return configured != null ? configured : DEFAULT_WORKING_DAYS.get(status);
    }

    /**
     * @param threads  transactions writing submissions at once
     * @param maxBatch most submissions in one transaction
     * @param queue    submissions waiting to be written before new ones are refused as UNAVAILABLE
     */
    public record Writer(
            @DefaultValue("2") int threads,
            @DefaultValue("64") int maxBatch,
            @DefaultValue("4096") int queue) {}

    /**
     * @param maxBytes        largest upload accepted
     * @param maxPixels       largest image (width x height) decoded
     * @param maxDecodedBytes largest decoded raster (width x height x channels x bytes per sample, from the
     *                        header): 160 MB takes a 40 MP photo of 8-bit RGBA, refuses 16-bit images of that size
     * @param maxSide         longer side of the stored, re-encoded photo
     * @param decodePermits   photos decoded at once (each may hold up to maxDecodedBytes of heap and a core)
     * @param decodeWait      how long an upload waits for a decode permit before it is answered UNAVAILABLE
     */
    public record Photos(
            @DefaultValue("10485760") int maxBytes,
            @DefaultValue("40000000") long maxPixels,
            @DefaultValue("160000000") long maxDecodedBytes,
            @DefaultValue("2560") int maxSide,
            @DefaultValue("2") int decodePermits,
            @DefaultValue("2s") Duration decodeWait) {}
}
