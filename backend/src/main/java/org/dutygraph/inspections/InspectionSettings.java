package org.dutygraph.inspections;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param recentVisitDays      an inspector who visited a target this recently is not drawn for it again
 * @param returnVisitAfterDays a return visit is due this many days after the rectification deadline
 * @param evidenceDirectory    uploaded evidence files, named by their SHA-256 (content-addressed, never rewritten)
 * @param maxEvidenceBytes     the largest evidence file accepted
 * @param maxBatchItems        the most visits, findings, evidence items and patrols one sync may carry
 * @param reminderInterval     how often deadline and return-visit reminders are looked for
 */
@ConfigurationProperties("dutygraph.inspections")
public record InspectionSettings(
        Integer recentVisitDays,
        Integer returnVisitAfterDays,
        Path evidenceDirectory,
        Long maxEvidenceBytes,
        Integer maxBatchItems,
        Duration reminderInterval) {

    public InspectionSettings {
        recentVisitDays = recentVisitDays == null ? 90 : recentVisitDays;
        returnVisitAfterDays = returnVisitAfterDays == null ? 3 : returnVisitAfterDays;
        evidenceDirectory = evidenceDirectory == null ? Path.of("data/evidence") : evidenceDirectory;
        maxEvidenceBytes = maxEvidenceBytes == null ? 200L * 1024 * 1024 : maxEvidenceBytes;
        maxBatchItems = maxBatchItems == null ? 2000 : maxBatchItems;
        reminderInterval = reminderInterval == null ? Duration.ofMinutes(30) : reminderInterval;
    }
}
