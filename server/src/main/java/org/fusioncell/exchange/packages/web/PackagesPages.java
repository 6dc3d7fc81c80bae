package org.fusioncell.exchange.packages.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.fusioncell.access.Reader;
import org.fusioncell.exchange.packages.OfflinePackages;
import org.fusioncell.exchange.packages.PackageTooLargeException;
import org.fusioncell.exchange.partners.PartnerCells;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * {@code /exchange/packages}: the installation's public key, building a package for a partner (downloaded at
 * once), importing one, and the organisation's packages in both directions.
 */
@Controller
@RequestMapping("/exchange/packages")
class PackagesPages {

    static final int PAGE_SIZE = 25;

    private final OfflinePackages packages;
    private final PartnerCells partners;
    private final Readers readers;

    PackagesPages(OfflinePackages packages, PartnerCells partners, Readers readers) {
        this.packages = packages;
        this.partners = partners;
        this.readers = readers;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer page, Model model) {
        Reader reader = readers.current();
        boolean carrier = hasAnyRole(Role.LIAISON_OFFICER, Role.SUPERVISOR, Role.ADMINISTRATOR);
        model.addAttribute("key", packages.installationKey());
        model.addAttribute("carrier", carrier);
        model.addAttribute("partners", partners.list(reader));
        model.addAttribute("collections", carrier ? packages.collections(reader) : List.of());
        model.addAttribute("page", packages.list(reader, PageRequest.of(page == null || page < 0 ? 0 : page, PAGE_SIZE)));
        return "packages/packages";
    }

    /** The package as a download; a refusal or bad input back on the page, with the form as it was. */
    @PostMapping("/export")
    ResponseEntity<?> export(@RequestParam(required = false) String partnerId,
                             @RequestParam(required = false) String collectionId,
                             @RequestParam(required = false) String since,
                             HttpServletRequest request, HttpServletResponse response) {
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("exportPartner", partnerId == null ? "" : partnerId);
        flash.put("exportCollection", collectionId == null ? "" : collectionId);
        flash.put("exportSince", since == null ? "" : since);
        try {
            switch (packages.export(readers.current(), new OfflinePackages.ExportRequest(partnerId, collectionId,
                    since == null || since.isBlank() ? null : since))) {
                case OfflinePackages.Built b -> {
                    return PackagesApi.download(b);
                }
                case OfflinePackages.Refused r -> flash.put("exportRefused", r.code());
            }
        } catch (InvalidInputException e) {
            flash.put("exportField", e.field());
            flash.put("exportGroup", group(e.field()));
            flash.put("exportProblem", e.problem());
        }
        String location = request.getContextPath() + "/exchange/packages";
        RequestContextUtils.saveOutputFlashMap(location, request, response);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", location).build();
    }

    @PostMapping("/import")
    String importPackage(@RequestParam(required = false) String partnerId,
                         @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash)
            throws IOException {
        flash.addFlashAttribute("importPartner", partnerId == null ? "" : partnerId);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "choose the package file");
            }
            switch (packages.importPackage(readers.current(), partnerId, file.getBytes())) {
                case OfflinePackages.Imported i -> {
                    flash.addFlashAttribute("imported", i.summary());
                }
                case OfflinePackages.AlreadyImported a -> flash.addFlashAttribute("alreadyImported", a.previous());
                case OfflinePackages.Refused r -> flash.addFlashAttribute("importRefused", r.code());
            }
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("importField", e.field());
            flash.addFlashAttribute("importGroup", group(e.field()));
            flash.addFlashAttribute("importProblem", e.problem());
        } catch (PackageTooLargeException e) {
            flash.addFlashAttribute("importField", e.field());
            flash.addFlashAttribute("importGroup", "too-large");
            flash.addFlashAttribute("importProblem", e.getMessage().substring(e.field().length() + 2));
        }
        return "redirect:/exchange/packages";
    }

    /** The translated explanation a field's error gets: {@code objects[3].type} is one of the objects. */
    static String group(String field) {
        String f = field.startsWith("objects[") ? "objects" : field;
        return switch (f) {
            case "package", "signature", "manifest.json", "objects.json", "objects", "partner", "partnerId", "file",
                 "collectionId", "since" -> f.replace(".json", "");
            default -> "other";
        };
    }

    private static boolean hasAnyRole(Role... roles) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false;
        }
        for (Role role : roles) {
            if (auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(role.authority()::equals)) {
                return true;
            }
        }
        return false;
    }
}
