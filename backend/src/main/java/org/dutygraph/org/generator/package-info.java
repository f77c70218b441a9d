@NamedInterface("generator")
package org.dutygraph.org.generator;

import org.springframework.modulith.NamedInterface;
