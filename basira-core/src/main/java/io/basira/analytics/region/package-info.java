/**
 * Regions: Saudi cities and regions with their Arabic and English names and aliases, and population
 * tables, so that customers can be counted per region and per head of population.
 */
package io.basira.analytics.region;
