package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.dutygraph.platform.neo4j.EmbeddedNeo4jProperties;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded store holds password hashes and complaints: other local users cannot even list it. */
class StoreDirectoryApiTest extends ApiTest {

    @Autowired
    ObjectProvider<EmbeddedNeo4jProperties> embedded;

    @Test
    void theEmbeddedStoreIsReadableByItsOwnerOnly() throws Exception {
        var properties = embedded.getIfAvailable();
        assumeTrue(properties != null, "a Neo4j server, not the embedded store, is in use");
        var directory = properties.dataDirectory().toAbsolutePath();
        assumeTrue(Files.getFileStore(directory).supportsFileAttributeView("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
                .isEqualTo("rwx------");
    }
}
