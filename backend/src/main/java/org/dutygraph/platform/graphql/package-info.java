@NamedInterface("graphql")
package org.dutygraph.platform.graphql;

import org.springframework.modulith.NamedInterface;
