@NamedInterface("i18n")
package org.dutygraph.platform.i18n;

import org.springframework.modulith.NamedInterface;
