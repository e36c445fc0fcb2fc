package dev.taskstream.api.events;

import dev.taskstream.api.tasks.TaskCreated;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every class api-contracts compiles, found on disk: the tests over the published contract start from these. */
final class ContractClasses {

    private static final String PACKAGE = "dev.taskstream.api";

    private ContractClasses() {
    }

    static List<Class<?>> all() throws IOException {
        Path root;
        try {
            root = Path.of(TaskCreated.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(name -> name.startsWith(PACKAGE))
                    .<Class<?>>map(ContractClasses::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
