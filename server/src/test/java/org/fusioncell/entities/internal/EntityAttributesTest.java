package org.fusioncell.entities.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.fusioncell.entities.EntityType;
import org.fusioncell.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class EntityAttributesTest {

    private final EntityAttributes checks = new EntityAttributes("MR");

    @Test
    void phoneIsNormalisedToE164WithTheDefaultRegion() {
        var n = checks.normalise(EntityType.PHONE, Map.of("number", "45 25 12 34"), "attributes");
        assertThat(n.key()).isEqualTo("phone:+22245251234");
        assertThat(n.attributes()).containsEntry("number", "+22245251234");
    }

    @Test
    void ibanLosesItsSpacesAndMustPassMod97() {
        var n = checks.normalise(EntityType.FINANCIAL_ACCOUNT, Map.of("iban", "mr13 0002 0001 0100 0012 3456 753"), "attributes");
        assertThat(n.key()).isEqualTo("iban:MR1300020001010000123456753");
        assertThatThrownBy(() -> checks.normalise(EntityType.FINANCIAL_ACCOUNT,
                Map.of("iban", "MR14 0002 0001 0100 0012 3456 753"), "attributes"))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("attributes.iban");
    }

    @Test
    void personNamesKnowTheirScriptAndDateOfBirthMayBePartial() {
        var n = checks.normalise(EntityType.PERSON, Map.of("names", List.of("محمد ولد أحمد", "Mohamed Ould Ahmed"),
                "dateOfBirth", "1985-07", "nationality", "mr", "gender", "male"), "attributes");
        assertThat(n.label()).isEqualTo("محمد ولد أحمد");
        assertThat(n.key()).isNull();
        assertThat(n.attributes().get("names")).isEqualTo(List.of(Map.of("value", "محمد ولد أحمد", "script", "Arabic"),
                Map.of("value", "Mohamed Ould Ahmed", "script", "Latin")));
        assertThat(n.attributes()).containsEntry("nationality", "MR").containsEntry("gender", "MALE")
                .containsEntry("dateOfBirth", "1985-07");
    }

    @Test
    void accountsAndVehiclesGetNormalisedKeys() {
        assertThat(checks.normalise(EntityType.ONLINE_ACCOUNT, Map.of("platform", "Telegram", "handle", "@Abu_X"),
                "a").key()).isEqualTo("account:telegram:abu_x");
        assertThat(checks.normalise(EntityType.VEHICLE, Map.of("plate", "1234-AB-00", "country", "MR"), "a").key())
                .isEqualTo("vehicle:MR:1234AB00");
        assertThat(checks.normalise(EntityType.EMAIL, Map.of("address", "A.B@Gov.MR"), "a").attributes())
                .containsEntry("address", "A.B@gov.mr");
    }

    @Test
    void badValuesNameTheirField() {
        assertField(EntityType.PHONE, Map.of("number", "12"), "attributes.number");
        assertField(EntityType.PHONE, Map.of("number", "not a phone"), "attributes.number");
        assertField(EntityType.LOCATION, Map.of("latitude", 91.0, "longitude", 10.0), "attributes.latitude");
        assertField(EntityType.LOCATION, Map.of("latitude", 18.0), "attributes.longitude");
        assertField(EntityType.LOCATION, Map.of("latitude", "north", "longitude", 3.0), "attributes.latitude");
        assertField(EntityType.PERSON, Map.of("names", List.of("A"), "dateOfBirth", "1985-13"), "attributes.dateOfBirth");
        assertField(EntityType.PERSON, Map.of("names", List.of("A"), "dateOfBirth", "85"), "attributes.dateOfBirth");
        assertField(EntityType.PERSON, Map.of("names", List.of("A"), "nationality", "XX"), "attributes.nationality");
        assertField(EntityType.PERSON, Map.of(), "attributes.names");
        assertField(EntityType.EMAIL, Map.of("address", "nobody"), "attributes.address");
    }

    private void assertField(EntityType type, Map<String, Object> attributes, String field) {
        assertThatThrownBy(() -> checks.normalise(type, attributes, "attributes"))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo(field);
    }
}
