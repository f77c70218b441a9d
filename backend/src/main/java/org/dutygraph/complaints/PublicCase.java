package org.dutygraph.complaints;

/** What anyone may know of a case (Open311): description and answer only once the case is published. */
public record PublicCase(
        String number,
        String category,
        String status,
        long receivedAt,
        Long updatedAt,
        String unitName,
        String description,
        String answer) {}
