package org.dutygraph.platform.time;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dutygraph.zone}: where the service's days are. "Today" of a holding, the working day of a complaint's
 * deadline, the local date of a patrol or a rectification deadline, and the month of an appraisal event are all
 * read in this zone, whatever the JVM's default is.
 *
 * @param zone the time zone the service's days, deadlines and months are counted in
 */
@ConfigurationProperties("dutygraph")
public record ZoneSettings(@DefaultValue("Asia/Shanghai") ZoneId zone) {}
