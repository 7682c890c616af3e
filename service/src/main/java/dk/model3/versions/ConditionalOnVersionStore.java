package dk.model3.versions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Beans that exist only while the service has the repository of versions (the workbench):
 * it is on unless {@code triage.versions.enabled=false} or a rules folder is given with
 * {@code triage.rules.dir} without a shared repository (an editor working on files by
 * hand, as before the workbench). With {@code triage.versions.remote} set it is on beside
 * the rules folder the instance follows into, so the workbench works on any instance.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("('${triage.rules.dir:}'.isBlank() or !'${triage.versions.remote:}'.isBlank()) and ${triage.versions.enabled:true}")
public @interface ConditionalOnVersionStore {

}
