package org.cofinance.domain.model.request;

/** The themes of the demo call (AMI « Territoires d'innovation de grande ambition »). */
public enum Theme {
    AGRI_FOOD, ENERGY, HEALTH, MOBILITY, DIGITAL, SKILLS, HOUSING
}
