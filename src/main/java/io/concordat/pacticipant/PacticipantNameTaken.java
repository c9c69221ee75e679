package io.concordat.pacticipant;

import java.util.List;

import io.concordat.web.ConflictException;

/**
 * {@code POST /pacticipants} for a name another pacticipant already has.
 */
public final class PacticipantNameTaken extends ConflictException {

	private PacticipantNameTaken(String message) {
		super(message, "name", List.of(message), List.of());
	}

	static PacticipantNameTaken named(String name) {
		return new PacticipantNameTaken("A pacticipant with name '" + name + "' already exists");
	}

}
