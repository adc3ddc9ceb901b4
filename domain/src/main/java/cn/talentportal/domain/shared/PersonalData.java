package cn.talentportal.domain.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a value object that holds a person's personal data (PIPL): ID number, phone, email, address, names of
 * children. The serializer encrypts such values with the key of the person they belong to, so deleting that key
 * erases them from every stored event (crypto-shredding) without rewriting history.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PersonalData {
}
