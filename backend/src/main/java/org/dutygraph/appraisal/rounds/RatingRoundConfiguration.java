package org.dutygraph.appraisal.rounds;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RatingRoundSettings.class)
class RatingRoundConfiguration {}
