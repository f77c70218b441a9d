package org.dutygraph.inspections;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Driver;
import org.springframework.stereotype.Service;

/**
 * Evidence files, stored unchanged (metadata kept) under their SHA-256 in a content-addressed directory:
 * a file is accepted only if its hash is the one the phone recorded at capture, and a stored file is never
 * rewritten, so the hash in the graph proves the file is what was captured (chain of custody).
 */
@Service
public class EvidenceFiles {

    public enum Outcome { STORED, ALREADY_STORED, NOT_FOUND, NO_FILE_EXPECTED, HASH_MISMATCH, TOO_LARGE }

    /** {@code uploaded}: this item's own file was sent and matched its hash (not merely another item's). */
    public record Evidence(String id, String kind, String sha256, String mimeType, String planId, boolean uploaded) {

        boolean hasFile() {
            return !"NOTE".equals(kind) && EvidenceHashes.valid(sha256);
        }
    }

    private final Driver driver;
    private final InspectionSettings settings;
    private final InspectionAudit audit;
    private final Clock clock;

    EvidenceFiles(Driver driver, InspectionSettings settings, InspectionAudit audit, Clock clock) {
        this.driver = driver;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The evidence item if the caller is on the visit's assignment or manages the plan. */
    public Optional<Evidence> find(InspectionCaller caller, String id) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (e:Evidence {id: $id}) MATCH (f:InspectionFinding {id: e.findingId})
                    MATCH (p:InspectionPlan {id: f.planId})
                    WHERE EXISTS { (:Account {username: $me})-[:MANAGES]->(p) } OR EXISTS { (:Account {username: $me})-[:ASSIGNED]->(:Assignment {id: f.assignmentId}) }
                    RETURN e.id AS id, e.kind AS kind, e.sha256 AS sha, e.mimeType AS mime, p.id AS plan,
                           e.uploadedAt IS NOT NULL AS uploaded""",
                    org.neo4j.driver.Values.parameters("id", id, "unit", caller.unitId(), "me", caller.username()))
                    .list(r -> new Evidence(r.get("id").asString(), r.get("kind").asString(null), r.get("sha").asString(null),
                            r.get("mime").asString(null), r.get("plan").asString(), r.get("uploaded").asBoolean()))
                    .stream().findFirst());
        }
    }

    public Outcome store(InspectionCaller caller, String id, InputStream body) throws IOException {
        var evidence = find(caller, id);
        if (evidence.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        if (!evidence.get().hasFile()) {
            return Outcome.NO_FILE_EXPECTED;
        }
        var sha = evidence.get().sha256();
        var target = path(sha);
        Files.createDirectories(target.getParent());
        var temp = Files.createTempFile(target.getParent(), "upload", ".part");
        Outcome outcome;
        try {
            // Always hashed, even when the file is stored already: a wrong body is refused, never acknowledged.
            var digest = sha256();
            long size;
            try (var in = new DigestInputStream(body, digest); var out = Files.newOutputStream(temp)) {
                size = in.transferTo(new LimitedOutputStream(out, settings.maxEvidenceBytes()));
            } catch (LimitedOutputStream.LimitExceeded e) {
                return Outcome.TOO_LARGE;
            }
            if (size == 0 || !HexFormat.of().formatHex(digest.digest()).equals(sha)) {
                return Outcome.HASH_MISMATCH;
            }
            if (Files.exists(target)) {
                outcome = Outcome.ALREADY_STORED;
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                outcome = Outcome.STORED;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        try (var session = driver.session()) {
            session.executeWrite(tx -> {
                tx.run("MATCH (e:Evidence {id: $id}) WHERE e.uploadedAt IS NULL SET e.uploadedAt = $now, e.uploadedBy = $me",
                        Map.of("id", id, "me", caller.username(), "now", clock.millis())).consume();
                audit.record(tx, caller.username(), "upload-evidence", evidence.get().planId(), id);
                return null;
            });
        }
        return outcome;
    }

    /**
     * The stored file of an item whose own upload matched: files are shared by hash, so an item synced with the
     * hash of someone else's file does not reach that file until its recorder proves to hold the bytes.
     */
    public Optional<Path> file(Evidence evidence) {
        if (!evidence.hasFile() || !evidence.uploaded()) {
            return Optional.empty();
        }
        var path = path(evidence.sha256());
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    public void audited(InspectionCaller caller, Evidence evidence) {
        try (var session = driver.session()) {
            session.executeWrite(tx -> {
                audit.record(tx, caller.username(), "read-evidence", evidence.planId(), evidence.id());
                return null;
            });
        }
    }

    private Path path(String sha) {
        return EvidenceHashes.file(settings.evidenceDirectory(), sha);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
