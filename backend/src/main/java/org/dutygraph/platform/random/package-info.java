@NamedInterface("random")
package org.dutygraph.platform.random;

import org.springframework.modulith.NamedInterface;
