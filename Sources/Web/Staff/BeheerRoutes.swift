import Domain
import Hummingbird

/// Mounts the staff area under `/beheer`, each part behind its own access rule:
///
/// | part | rule |
/// | --- | --- |
/// | overview, own account and API tokens | signed in |
/// | knowledge items, review queue, revisions, attachments | redacteur |
/// | users, taxonomy, synonyms, audit log, settings | beheerder |
struct BeheerRoutes: Sendable {
    let dependencies: AppDependencies
    let pages: StaffPages
    let site: SiteController
    let uploadLimit: Int

    func addRoutes(to router: Router<AppRequestContext>) {
        let signedIn = router.group("beheer").add(middleware: RequireAccess(.signedIn))
        DashboardController(dependencies: dependencies, pages: pages).addRoutes(to: signedIn)
        AccountController(dependencies: dependencies, pages: pages).addRoutes(to: signedIn)

        let editors = router.group("beheer").add(middleware: RequireAccess(.roles([.redacteur])))
        let upload = AttachmentUpload(attachments: dependencies.attachments, files: dependencies.files, jobs: dependencies.jobs,
                                      audit: dependencies.audit, clock: dependencies.clock, limit: uploadLimit)
        EditorController(dependencies: dependencies, pages: pages, site: site, upload: upload).addRoutes(to: editors)
        RevisionsController(dependencies: dependencies, pages: pages).addRoutes(to: editors)

        let administrators = router.group("beheer").add(middleware: RequireAccess(.roles([.beheerder])))
        UsersController(dependencies: dependencies, pages: pages).addRoutes(to: administrators)
        TaxonomyController(dependencies: dependencies, pages: pages).addRoutes(to: administrators)
        SynonymsController(dependencies: dependencies, pages: pages).addRoutes(to: administrators)
        SettingsController(dependencies: dependencies, pages: pages).addRoutes(to: administrators)
        AuditController(dependencies: dependencies, pages: pages).addRoutes(to: administrators)
    }
}
