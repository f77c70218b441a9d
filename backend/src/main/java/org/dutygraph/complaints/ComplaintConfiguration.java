package org.dutygraph.complaints;

import org.dutygraph.complaints.photos.DecodePermits;
import org.dutygraph.complaints.photos.PhotoSanitizer;
import org.dutygraph.complaints.receipts.FollowSeal;
import org.dutygraph.complaints.receipts.Pepper;
import org.dutygraph.complaints.receipts.Receipts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComplaintSettings.class)
class ComplaintConfiguration {

    @Bean
    Pepper complaintPepper(ComplaintSettings settings, Environment environment) {
        boolean prod = java.util.Arrays.asList(environment.getActiveProfiles()).contains("prod");
        if (prod
                && (settings.pepper() == null || settings.pepper().isBlank())
                && java.nio.file.Files.notExists(java.nio.file.Path.of(settings.pepperFile()))) {
            // A pepper made up at start would orphan every receipt when the container is replaced.
            throw new IllegalStateException("Set dutygraph.complaints.pepper (base64, 32+ bytes) or provide "
                    + "dutygraph.complaints.pepper-file in the prod profile");
        }
        return Pepper.load(settings.pepper(), settings.pepperFile());
    }

    @Bean
    Receipts receipts(Pepper pepper, ComplaintSettings settings) {
        return new Receipts(pepper, settings.receiptCost());
    }

    @Bean
    FollowSeal followSeal(Pepper pepper) {
        return new FollowSeal(pepper);
    }

    @Bean
    WorkingCalendar workingCalendar(
            ComplaintSettings settings, java.time.Clock clock, org.dutygraph.platform.calendar.WorkingDays days) {
        return new WorkingCalendar(clock.getZone(), settings.workdayEnd(), days);
    }

    @Bean
    DecodePermits photoDecodePermits(ComplaintSettings settings) {
        return new DecodePermits(
                settings.photos().decodePermits(), settings.photos().decodeWait());
    }

    @Bean
    PhotoSanitizer photoSanitizer(ComplaintSettings settings, DecodePermits permits) {
        var photos = settings.photos();
        return new PhotoSanitizer(
                photos.maxBytes(), photos.maxPixels(), photos.maxDecodedBytes(), photos.maxSide(), permits);
    }
}
