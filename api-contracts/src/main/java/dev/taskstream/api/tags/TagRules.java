package dev.taskstream.api.tags;

import java.util.regex.Pattern;

/** Limits that the write side enforces and clients may show before they send. */
public final class TagRules {

    public static final int NAME_MAX_LENGTH = 50;
    public static final Pattern COLOUR = Pattern.compile("^#[0-9a-fA-F]{6}$");

    private TagRules() {
    }
}
