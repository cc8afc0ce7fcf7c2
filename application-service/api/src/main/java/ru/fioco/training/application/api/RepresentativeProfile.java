package ru.fioco.training.application.api;

import ru.fioco.training.platform.api.PersonalData;

/**
 * A representative's personal data as the seed's cabinet lists it (Рис. 1а): фамилия, имя, отчество, организация,
 * должность, образование, e-mail, телефон, логин. The login and e-mail are the identity provider's.
 */
public record RepresentativeProfile(@PersonalData String surname, @PersonalData String name,
        @PersonalData String patronymic, String organisationName, @PersonalData String position,
        @PersonalData String education, @PersonalData String email, @PersonalData String phone,
        @PersonalData String login) {

    public String fullName() {
        return PersonNames.full(surname, name, patronymic);
    }
}
