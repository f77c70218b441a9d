@NamedInterface("effects")
package org.dutygraph.platform.effects;

import org.springframework.modulith.NamedInterface;
