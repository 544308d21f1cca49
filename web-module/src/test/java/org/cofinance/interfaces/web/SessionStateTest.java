package org.cofinance.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cofinance.interfaces.sso.OidcProvider;
import org.junit.jupiter.api.Test;

/**
 * What a page session holds must survive its node: on the cluster, Infinispan copies each session — its session- and
 * view-scoped beans, the state of the sign-in — to the other node after every request, by Java serialization. A field
 * that cannot be serialized would lose the session at the first request (or fail it), so every field such a bean keeps
 * is checked here, down to the values of our own types it holds.
 */
class SessionStateTest {

    private static final List<Class<?>> SESSION_BEANS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cofinance.interfaces.web").stream()
            .filter(c -> c.isAnnotatedWith(SessionScoped.class) || c.isAnnotatedWith(ViewScoped.class))
            .map(JavaClass::reflect).<Class<?>>map(c -> c).toList();

    @Test
    void shouldFindThePagesBeansThatLiveInTheSession() {
        // given the pages' beans kept in the session
        // then the scan found them (an empty list would prove nothing below)
        assertThat(SESSION_BEANS).extracting(Class::getSimpleName)
                .contains("UserSession", "RequestEditor", "TaskPage", "ReportsPage");
    }

    @Test
    void shouldKeepOnlySerializableStateInTheSessionsBeans() {
        // given every session- and view-scoped bean of the pages
        List<String> problems = new ArrayList<>();

        // when each field it keeps, and what that field holds, is checked
        for (Class<?> bean : SESSION_BEANS) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            checkFields(bean, bean.getSimpleName(), problems, new HashSet<>());
        }

        // then nothing would stop the session from being copied to the other node
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldKeepASerializableSignInInTheSessionWhileTheProviderAnswers() {
        // given the state a single sign-on keeps in the session between the start and the provider's answer
        List<String> problems = new ArrayList<>();

        // when its type is checked
        checkType(OidcProvider.Pending.class, "OidcProvider.Pending", problems, new HashSet<>());

        // then it can be copied to the node that will receive the answer
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldReportAFieldThatCannotBeCopied() {
        // given a bean-like class keeping a thread and a list of streams
        List<String> problems = new ArrayList<>();

        // when it is checked
        checkFields(Unserializable.class, "Unserializable", problems, new HashSet<>());

        // then both fields are reported, the transient one is not
        assertThat(problems).hasSize(2).anySatisfy(p -> assertThat(p).contains("worker"))
                .anySatisfy(p -> assertThat(p).contains("lines"));
    }

    private static void checkFields(Class<?> type, String path, List<String> problems, Set<Type> seen) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.isAnnotationPresent(EJB.class) || field.isAnnotationPresent(Inject.class)) {
                    continue; // the container's proxies are serializable; transient state is rebuilt
                }
                checkType(field.getGenericType(), path + "." + field.getName(), problems, seen);
            }
        }
    }

    private static void checkType(Type type, String path, List<String> problems, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            checkType(parameterized.getRawType(), path, problems, seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                checkType(argument, path + "<>", problems, seen);
            }
        } else if (type instanceof GenericArrayType array) {
            checkType(array.getGenericComponentType(), path + "[]", problems, seen);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                checkType(bound, path, problems, seen);
            }
        } else if (type instanceof TypeVariable<?> variable) {
            // a generic holder's parameter: the actual argument is checked where the holder is used
            for (Type bound : variable.getBounds()) {
                if (bound != Object.class) {
                    checkType(bound, path, problems, seen);
                }
            }
        } else if (type instanceof Class<?> c) {
            checkClass(c, path, problems, seen);
        }
    }

    private static void checkClass(Class<?> c, String path, List<String> problems, Set<Type> seen) {
        if (c.isPrimitive() || c.isEnum()) {
            return;
        }
        if (c.isArray()) {
            checkType(c.getComponentType(), path + "[]", problems, seen);
            return;
        }
        if (c.isInterface() && (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c))) {
            return; // the collections the code makes (ArrayList, List.of, HashMap, Map.of…) are serializable
        }
        if (!Serializable.class.isAssignableFrom(c)) {
            problems.add(path + ": " + c.getName() + " is not Serializable");
            return;
        }
        if (c.getName().startsWith("org.cofinance.")) {
            checkFields(c, path, problems, seen);
        }
    }

    @SuppressWarnings("unused")
    private static final class Unserializable implements Serializable {
        private static final long serialVersionUID = 1L;
        private Thread worker;
        private List<java.util.stream.Stream<String>> lines;
        private transient Thread rebuilt;
        private String kept;
    }
}
