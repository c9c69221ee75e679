package io.concordat.pacticipant.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.concordat.pacticipant.LabelService;
import io.concordat.pacticipant.LabelView;
import io.concordat.pacticipant.PacticipantView;
import io.concordat.pacticipant.Upserted;
import io.concordat.web.Hal;
import io.concordat.web.Link;
import io.concordat.web.Links;
import io.concordat.web.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LabelController {

	private final LabelService labels;

	private final PacticipantResources resources;

	private final Links links;

	LabelController(LabelService labels, PacticipantResources resources, Links links) {
		this.labels = labels;
		this.resources = resources;
		this.links = links;
	}

	@PutMapping("/pacticipants/{pacticipant}/labels/{label}")
	ResponseEntity<Map<String, Object>> add(@PathVariable String pacticipant, @PathVariable String label) {
		Upserted<LabelView> added = this.labels.add(pacticipant, label);
		return Hal.createdOrOk(added.created(), this.resources.labelHref(pacticipant, label),
				this.resources.label(added.value()));
	}

	@GetMapping("/pacticipants/{pacticipant}/labels/{label}")
	ResponseEntity<Map<String, Object>> get(@PathVariable String pacticipant, @PathVariable String label) {
		LabelView found = this.labels.find(pacticipant, label)
			.orElseThrow(() -> new NotFoundException("No label '" + label + "' found for pacticipant " + pacticipant));
		return Hal.ok(this.resources.label(found));
	}

	@DeleteMapping("/pacticipants/{pacticipant}/labels/{label}")
	ResponseEntity<Void> remove(@PathVariable String pacticipant, @PathVariable String label) {
		this.labels.remove(pacticipant, label);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/pacticipants/label/{label}")
	ResponseEntity<Map<String, Object>> pacticipantsWith(@PathVariable String label) {
		List<Map<String, Object>> pacticipants = new ArrayList<>();
		List<Link> pacticipantLinks = new ArrayList<>();
		for (PacticipantView pacticipant : this.labels.pacticipantsWith(label)) {
			pacticipants.add(this.resources.pacticipant(pacticipant, false));
			pacticipantLinks
				.add(Link.to(this.resources.pacticipantHref(pacticipant.name()), "Pacticipant", pacticipant.name()));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("_embedded", Map.of("pacticipants", pacticipants));
		body.put("_links",
				Map.of("self",
						Link.to(this.links.href("pacticipants", "label", label), "Pacticipants with label " + label),
						"pb:pacticipants", pacticipantLinks));
		return Hal.ok(body);
	}

	@GetMapping("/labels")
	ResponseEntity<Map<String, Object>> all() {
		List<Map<String, Object>> labels = new ArrayList<>();
		for (String label : this.labels.all()) {
			labels.add(Map.of("name", label, "_links",
					Map.of("pb:pacticipants", Link.to(this.links.href("pacticipants", "label", label)))));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("_embedded", Map.of("labels", labels));
		body.put("_links", Map.of("self", Link.to(this.links.href("labels"), "Labels")));
		return Hal.ok(body);
	}

}
