package org.cofinance.domain.model.programme;

/** The themes a programme may take requests on (those of the AMI « Territoires d'innovation de grande ambition »). */
public enum Theme {
    AGRI_FOOD, ENERGY, HEALTH, MOBILITY, DIGITAL, SKILLS, HOUSING
}
