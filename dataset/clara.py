"""The CLARA dataset, drawn from the public documents in shared/seeds/.

Descriptions are written for this product from the documents' facts. Where a document gives no
date or figure, the field stays empty. Coordinates are those of the institution's city district,
for the map. Every record is keyed by its slug (agreements by reference) so that loading is
idempotent.
"""

import datetime

D = datetime.date

THEMES = [
    # Six themes of CLARA International Shanghai (2011 symposium).
    {
        "slug": "cancer-stem-cells",
        "sources": [("shanghai-2012", "")],
        "name_fr": "Cellules souches cancéreuses et leur environnement",
        "name_en": "Cancer stem cells and their environment",
        "description_fr": "Biologie des cellules souches cancéreuses et de la niche qui les entretient.",
        "description_en": "Biology of cancer stem cells and of the niche that sustains them.",
    },
    {
        "slug": "liver-cancer",
        "sources": [("shanghai-2012", "")],
        "name_fr": "Cancer du foie (carcinome hépatocellulaire)",
        "name_en": "Liver cancer (hepatocellular carcinoma)",
        "description_fr": (
            "Cancers du foie, dont le carcinome hépatocellulaire ; le communiqué de 2012 "
            "souligne leur fréquence en Chine."
        ),
        "description_en": (
            "Liver cancers, including hepatocellular carcinoma; the 2012 announcement notes how "
            "frequent they are in China."
        ),
    },
    {
        "slug": "animal-models-imaging",
        "sources": [("shanghai-2012", "")],
        "name_fr": "Modèles animaux de tumeurs et techniques d'imagerie",
        "name_en": "Animal tumour models and imaging techniques",
        "description_fr": "Création de modèles animaux de tumeurs et nouvelles techniques d'imagerie.",
        "description_en": "Building animal models of tumours and new imaging techniques.",
    },
    {
        "slug": "tumour-microenvironment",
        "sources": [("shanghai-2012", "")],
        "name_fr": "Micro-environnement tumoral, développement du cancer et métastases",
        "name_en": "Tumour microenvironment, cancer development and metastasis",
        "description_fr": (
            "Rôle du milieu qui entoure la tumeur dans la progression du cancer et la formation "
            "de métastases ; l'un des six thèmes de CLARA International Shanghai."
        ),
        "description_en": (
            "How the tissue around a tumour shapes cancer progression and the spread of "
            "metastases; one of the six themes of CLARA International Shanghai."
        ),
    },
    {
        "slug": "tumour-markers-biobanks",
        "sources": [("shanghai-2012", "")],
        "name_fr": "Marqueurs tumoraux, diagnostic précoce et biobanques",
        "name_en": "Tumour markers, early diagnosis and tumour biobanks",
        "description_fr": (
            "Repérer plus tôt les cancers grâce aux marqueurs tumoraux, et constituer des "
            "collections d'échantillons tumoraux."
        ),
        "description_en": (
            "Detecting cancers earlier through tumour markers, and building collections of "
            "tumour samples."
        ),
    },
    {
        "slug": "malignant-lymphoma",
        "sources": [("shanghai-2012", "")],
        "name_fr": "Lymphomes malins",
        "name_en": "Malignant lymphoma",
        "description_fr": "Cancers du système lymphatique ; thème de CLARA International Shanghai.",
        "description_en": "Cancers of the lymphatic system; a theme of CLARA International Shanghai.",
    },
    # Oncopole du Québec agreement.
    {
        "slug": "genomics-precision-medicine",
        "sources": [("oncopole-2018", "")],
        "name_fr": "Génomique et médecine de précision",
        "name_en": "Genomics and precision medicine",
        "description_fr": "Thème commun retenu par CLARA et l'Oncopole du Québec en 2018.",
        "description_en": "A shared theme chosen by CLARA and the Oncopole du Québec in 2018.",
    },
    {
        "slug": "cell-therapy",
        "sources": [("oncopole-2018", "")],
        "name_fr": "Thérapie cellulaire",
        "name_en": "Cell therapy",
        "description_fr": "Thème commun retenu par CLARA et l'Oncopole du Québec en 2018.",
        "description_en": "A shared theme chosen by CLARA and the Oncopole du Québec in 2018.",
    },
    {
        "slug": "cancer-care-organisation",
        "sources": [("oncopole-2018", "")],
        "name_fr": "Organisation des soins en oncologie",
        "name_en": "Organisation of cancer care",
        "description_fr": (
            "Comment les soins en cancérologie sont organisés : thème de l'entente avec "
            "l'Oncopole du Québec."
        ),
        "description_en": (
            "How cancer care is organised: a theme of the agreement with the Oncopole du Québec."
        ),
    },
    # Milan, Lausanne, Germany, Spain.
    {
        "slug": "lung-cancer-biomarkers",
        "sources": [("international-relations", "")],
        "name_fr": "Biomarqueurs du cancer du poumon",
        "name_en": "Lung cancer biomarkers",
        "description_fr": "Recherche de marqueurs biologiques du cancer du poumon (programme avec Milan).",
        "description_en": "The search for biological markers of lung cancer (programme with Milan).",
        "parent": "tumour-markers-biobanks",
    },
    {
        "slug": "dependence-receptors-colon-cancer",
        "sources": [("international-relations", "")],
        "name_fr": "Récepteurs à dépendance et cancer du côlon",
        "name_en": "Dependence receptors and colon cancer",
        "description_fr": "Rôle des récepteurs à dépendance dans le cancer du côlon (programme avec Lausanne).",
        "description_en": "What dependence receptors do in colon cancer (programme with Lausanne).",
    },
    {
        "slug": "virus-induced-cancers",
        "sources": [("international-relations", "")],
        "name_fr": "Cancers induits par les virus (infectiologie)",
        "name_en": "Virus-induced cancers (infectiology)",
        "description_fr": "Diagnostic, traitement et prévention des cancers d'origine virale.",
        "description_en": "Diagnosis, treatment and prevention of cancers caused by viruses.",
    },
    {
        "slug": "nanomedicine",
        "sources": [("international-relations", "")],
        "name_fr": "Nanomédecine et nanotechnologies en cancérologie",
        "name_en": "Nanomedicine and nanotechnology in oncology",
        "description_fr": "Usages cliniques des nanotechnologies contre le cancer.",
        "description_en": "Clinical uses of nanotechnology against cancer.",
    },
    {
        "slug": "sarcoma",
        "sources": [("international-relations", "")],
        "name_fr": "Sarcomes et tumeurs des tissus conjonctifs",
        "name_en": "Sarcomas and connective tissue tumours",
        "description_fr": "Tumeurs des tissus conjonctifs ; CLARA a participé au World Sarcoma Network.",
        "description_en": "Tumours of the connective tissue; CLARA has taken part in the World Sarcoma Network.",
    },
    {
        "slug": "cancer-epidemiology",
        "sources": [("international-relations", "")],
        "name_fr": "Épidémiologie et observation des cancers",
        "name_en": "Cancer epidemiology and surveillance",
        "description_fr": "Suivi des cancers dans la population, à l'échelle européenne.",
        "description_en": "Monitoring cancer in the population, at European level.",
    },
    {
        "slug": "humanities-public-health",
        "sources": [("about-us", ""), ("oncopole-2018", "")],
        "name_fr": "Sciences humaines et sociales, santé publique",
        "name_en": "Humanities, social sciences and public health",
        "description_fr": "Ouverture de la recherche sur le cancer aux sciences humaines et sociales et à la santé publique, voulue par CLARA.",
        "description_en": "CLARA's effort to open cancer research to the humanities, social sciences and public health.",
    },
    # The six areas of the products developed with Lyonbiopôle.
    {
        "slug": "diagnostics",
        "sources": [("industrie-pharma-lyonbiopole", "")],
        "name_fr": "Diagnostic",
        "name_en": "Diagnostics",
        "description_fr": "L'un des six domaines des produits en développement présentés par Lyonbiopôle et CLARA.",
        "description_en": "One of the six areas of the products in development presented by Lyonbiopôle and CLARA.",
    },
    {
        "slug": "imaging-medical-devices",
        "sources": [("industrie-pharma-lyonbiopole", "")],
        "name_fr": "Imagerie et dispositifs médicaux",
        "name_en": "Imaging and medical devices",
        "description_fr": "L'un des six domaines des produits en développement présentés par Lyonbiopôle et CLARA.",
        "description_en": "One of the six areas of the products in development presented by Lyonbiopôle and CLARA.",
    },
    {
        "slug": "radiotherapy",
        "sources": [("industrie-pharma-lyonbiopole", "")],
        "name_fr": "Radiothérapie",
        "name_en": "Radiotherapy",
        "description_fr": "L'un des six domaines des produits en développement présentés par Lyonbiopôle et CLARA.",
        "description_en": "One of the six areas of the products in development presented by Lyonbiopôle and CLARA.",
    },
    {
        "slug": "chemotherapy",
        "sources": [("industrie-pharma-lyonbiopole", "")],
        "name_fr": "Chimiothérapie",
        "name_en": "Chemotherapy",
        "description_fr": "L'un des six domaines des produits en développement présentés par Lyonbiopôle et CLARA.",
        "description_en": "One of the six areas of the products in development presented by Lyonbiopôle and CLARA.",
    },
    {
        "slug": "immunotherapy",
        "sources": [("industrie-pharma-lyonbiopole", "")],
        "name_fr": "Immunothérapie",
        "name_en": "Immunotherapy",
        "description_fr": "L'un des six domaines des produits en développement présentés par Lyonbiopôle et CLARA.",
        "description_en": "One of the six areas of the products in development presented by Lyonbiopôle and CLARA.",
    },
    {
        "slug": "patient-services",
        "sources": [("industrie-pharma-lyonbiopole", "")],
        "name_fr": "Services au patient",
        "name_en": "Patient services",
        "description_fr": "L'un des six domaines des produits en développement présentés par Lyonbiopôle et CLARA.",
        "description_en": "One of the six areas of the products in development presented by Lyonbiopôle and CLARA.",
    },
]

REGIONAL = "regional_member"
FOREIGN = "foreign_partner"
OTHER = "other"

INSTITUTIONS = [
    # Support and funding of CLARA.
    {
        "slug": "fondation-bullukian",
        "sources": [("oncopole-2018", "")],
        "name_fr": "Fondation Léa et Napoléon Bullukian",
        "name_en": "Fondation Léa et Napoléon Bullukian",
        "kind": "foundation",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "coords": (45.7600, 4.8320),
        "description_fr": "Fondation reconnue d'utilité publique sous l'égide de laquelle le CLARA est placé.",
        "description_en": "Foundation recognised as being of public utility, under whose aegis CLARA operates.",
    },
    {
        "slug": "canceropole-clara",
        "sources": [("about-us", ""), ("oncopole-2018", "")],
        "name_fr": "Cancéropôle Lyon Auvergne-Rhône-Alpes",
        "name_en": "Cancéropôle Lyon Auvergne-Rhône-Alpes",
        "acronym": "CLARA",
        "kind": "cluster",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "coords": (45.7485, 4.8467),
        "founded_year": 2003,
        "website": "https://www.canceropole-clara.com",
        "description_fr": (
            "Pôle régional de recherche sur le cancer, à l'œuvre depuis 2003 dans le cadre des "
            "Plans cancer nationaux. Ses financeurs publics sont l'Institut national du cancer, "
            "les collectivités locales et régionales, et le FEDER (fonds européen). CLARA réunit chercheurs, cliniciens et entreprises d'Auvergne-Rhône-Alpes "
            "pour que les découvertes profitent vite aux patients et trouvent une valeur "
            "économique. Il ouvre également la cancérologie aux sciences humaines et sociales et "
            "à la santé publique."
        ),
        "description_en": (
            "Regional cancer research cluster, at work since 2003 under the national Cancer "
            "Plans. Its public funders are the French National Cancer Institute (INCa), the "
            "EU's ERDF and regional authorities. CLARA connects "
            "researchers, clinicians and companies in Auvergne-Rhône-Alpes so that discoveries "
            "reach patients quickly and gain economic value. It also opens cancer research to "
            "the humanities, social sciences and public health."
        ),
    },
    {
        "slug": "region-auvergne-rhone-alpes",
        "sources": [("shanghai-2012", ""), ("international-relations", "")],
        "name_fr": "Région Auvergne-Rhône-Alpes",
        "name_en": "Auvergne-Rhône-Alpes Region",
        "kind": "public_authority",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "coords": (45.7370, 4.8170),
        "description_fr": (
            "Collectivité régionale (Région Rhône-Alpes avant sa fusion avec l'Auvergne). En 2012, "
            "forte de vingt-cinq ans de coopération avec la Municipalité de Shanghai, elle a "
            "soutenu le lancement de CLARA International Shanghai ; elle est aussi partie à l'accord avec "
            "l'Institut Weizmann."
        ),
        "description_en": (
            "Regional authority (the Rhône-Alpes Region before its merger with Auvergne). In 2012, "
            "drawing on twenty-five years of cooperation with the Shanghai Municipality, it "
            "supported the launch of CLARA International Shanghai; it is also a party to the agreement with "
            "the Weizmann Institute."
        ),
    },
    {
        "slug": "inca",
        "sources": [("about-us", ""), ("international-relations", "")],
        "name_fr": "Institut national du cancer",
        "name_en": "French National Cancer Institute",
        "acronym": "INCa",
        "kind": "funding_agency",
        "network_role": OTHER,
        "country": "FR",
        "city_fr": "Boulogne-Billancourt",
        "city_en": "Boulogne-Billancourt",
        "coords": (48.8350, 2.2400),
        "description_fr": "Agence nationale de la cancérologie ; parmi les financeurs publics de CLARA, elle a soutenu les programmes avec Milan et Lausanne.",
        "description_en": "The French national cancer agency; one of CLARA's public funders, it supported the programmes with Milan and Lausanne.",
    },
    {
        "slug": "european-commission",
        "sources": [("international-relations", "")],
        "name_fr": "Commission européenne",
        "name_en": "European Commission",
        "kind": "public_authority",
        "network_role": OTHER,
        "country": "BE",
        "city_fr": "Bruxelles",
        "city_en": "Brussels",
        "coords": (50.8430, 4.3830),
        "description_fr": "Institution de l'Union européenne ; la Communauté européenne a soutenu les programmes Nano2Life et CONTICANET.",
        "description_en": "EU institution; the European Community supported the Nano2Life and CONTICANET programmes.",
    },
    # Regional research and innovation.
    {
        "slug": "crcl",
        "sources": [("international-relations", "")],
        "name_fr": "Centre de recherche en cancérologie de Lyon",
        "name_en": "Lyon Cancer Research Center",
        "acronym": "CRCL",
        "kind": "research_institute",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "coords": (45.7420, 4.8810),
        "description_fr": "Centre de recherche lyonnais, signataire en 2013 d'un accord de partenariat avec l'Institut du cancer de Shanghai.",
        "description_en": "Lyon research centre that signed a partnership agreement with the Shanghai Cancer Institute in 2013.",
    },
    {
        "slug": "iarc",
        "sources": [("international-relations", "")],
        "name_fr": "Centre international de recherche sur le cancer (CIRC)",
        "name_en": "International Agency for Research on Cancer (IARC)",
        "kind": "research_institute",
        "network_role": OTHER,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "coords": (45.7430, 4.8720),
        "description_fr": (
            "Centre de recherche international. Ses équipes et celles du DKFZ se sont "
            "associées à Lyon autour des cancers d'origine virale ; il coordonne un Observatoire "
            "européen du cancer que CLARA soutient."
        ),
        "description_en": (
            "International research centre. Its teams joined forces with the DKFZ's in Lyon "
            "on virus-induced cancers; it coordinates a European Cancer Observatory that CLARA "
            "supports."
        ),
    },
    {
        "slug": "lyonbiopole",
        "sources": [("industrie-pharma-lyonbiopole", ""), ("about-us", "")],
        "name_fr": "Lyonbiopôle",
        "name_en": "Lyonbiopôle",
        "kind": "cluster",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "coords": (45.7330, 4.8330),
        "description_fr": "Pôle de compétitivité santé, partenaire de CLARA depuis 2013.",
        "description_en": "Health competitiveness cluster, a partner of CLARA since 2013.",
    },
    {
        "slug": "universite-de-lyon",
        "sources": [("oncopole-2018", "")],
        "name_fr": "Université de Lyon",
        "name_en": "Université de Lyon",
        "description_fr": "Université citée parmi les acteurs de l'entente de 2018 entre CLARA et l'Oncopole du Québec.",
        "description_en": "A university named among the players in the 2018 agreement between CLARA and the Oncopole du Québec.",
        "kind": "university",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "coords": (45.7500, 4.8400),
    },
    {
        "slug": "universite-jean-monnet",
        "sources": [("oncopole-2018", "")],
        "name_fr": "Université de Saint-Étienne",
        "name_en": "Université de Saint-Étienne",
        "description_fr": "Université citée parmi les acteurs de l'entente de 2018 entre CLARA et l'Oncopole du Québec.",
        "description_en": "A university named among the players in the 2018 agreement between CLARA and the Oncopole du Québec.",
        "kind": "university",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Saint-Étienne",
        "city_en": "Saint-Étienne",
        "coords": (45.4340, 4.3900),
    },
    {
        "slug": "universite-grenoble-alpes",
        "sources": [("oncopole-2018", "")],
        "name_fr": "Université de Grenoble",
        "name_en": "Université de Grenoble",
        "description_fr": "Université citée parmi les acteurs de l'entente de 2018 entre CLARA et l'Oncopole du Québec.",
        "description_en": "A university named among the players in the 2018 agreement between CLARA and the Oncopole du Québec.",
        "kind": "university",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Grenoble",
        "city_en": "Grenoble",
        "coords": (45.1930, 5.7680),
    },
    {
        "slug": "universite-clermont-auvergne",
        "sources": [("oncopole-2018", "")],
        "name_fr": "Université de Clermont-Ferrand",
        "name_en": "Université de Clermont-Ferrand",
        "description_fr": "Université citée parmi les acteurs de l'entente de 2018 entre CLARA et l'Oncopole du Québec.",
        "description_en": "A university named among the players in the 2018 agreement between CLARA and the Oncopole du Québec.",
        "kind": "university",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Clermont-Ferrand",
        "city_en": "Clermont-Ferrand",
        "coords": (45.7770, 3.0870),
    },
    {
        "slug": "labex-devwecan",
        "sources": [("about-us", "")],
        "name_fr": "LabEx DEVweCAN",
        "name_en": "LabEx DEVweCAN",
        "kind": "network",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "description_fr": "Laboratoire d'excellence labellisé, cité parmi les réussites du modèle CLARA.",
        "description_en": "Laboratory of excellence, cited among the successes of the CLARA model.",
    },
    {
        "slug": "siric-lyric",
        "sources": [("about-us", "")],
        "name_fr": "SIRIC LYric",
        "name_en": "SIRIC LYric",
        "kind": "network",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "description_fr": "Site de recherche intégrée sur le cancer labellisé, cité parmi les réussites du modèle CLARA.",
        "description_en": "Integrated cancer research site, cited among the successes of the CLARA model.",
    },
    {
        "slug": "institut-carnot-calym",
        "sources": [("about-us", "")],
        "name_fr": "Institut Carnot CALYM",
        "name_en": "CALYM Carnot Institute",
        "acronym": "CALYM",
        "kind": "network",
        "network_role": REGIONAL,
        "country": "FR",
        "description_fr": "Institut Carnot labellisé, cité parmi les réussites du modèle CLARA.",
        "description_en": "Institute holding the Carnot accreditation, cited among the successes of the CLARA model.",
    },
    {
        "slug": "oncotherapy-science",
        "sources": [("about-us", "")],
        "name_fr": "OncoTherapy Science",
        "name_en": "OncoTherapy Science",
        "kind": "company",
        "network_role": OTHER,
        "country": "JP",
        "description_fr": "Biotech japonaise dont l'implantation dans la région figure parmi les réussites de CLARA.",
        "description_en": "Japanese biotech company whose setting up in the region counts among CLARA's successes.",
    },
    {
        "slug": "canceropole-grand-sud-ouest",
        "sources": [("international-relations", "")],
        "name_fr": "Cancéropôle Grand Sud-Ouest",
        "name_en": "Cancéropôle Grand Sud-Ouest",
        "description_fr": "Cancéropôle du Grand Sud-Ouest, coorganisateur avec CLARA et l'IBEC d'un symposium sur les nanotechnologies en cancérologie.",
        "description_en": "The Grand Sud-Ouest cancer cluster, which organised a symposium on nanotechnology in oncology with CLARA and IBEC.",
        "acronym": "CGSO",
        "kind": "cluster",
        "network_role": OTHER,
        "country": "FR",
        "city_fr": "Toulouse",
        "city_en": "Toulouse",
        "coords": (43.6000, 1.4440),
    },
    # Shanghai.
    {
        "slug": "shanghai-municipality",
        "sources": [("shanghai-2012", "")],
        "name_fr": "Municipalité de Shanghai",
        "name_en": "Shanghai Municipality",
        "kind": "public_authority",
        "network_role": OTHER,
        "country": "CN",
        "city_fr": "Shanghai",
        "city_en": "Shanghai",
        "coords": (31.2300, 121.4740),
        "description_fr": "Partenaire de la Région depuis vingt-cinq ans en 2012 ; a soutenu le rapprochement à l'origine de CLARA International Shanghai.",
        "description_en": "A partner of the Region for twenty-five years by 2012; it supported the rapprochement behind CLARA International Shanghai.",
    },
    {
        "slug": "shanghai-jiao-tong-university",
        "sources": [("shanghai-2012", "")],
        "name_fr": "Université Jiao Tong de Shanghai",
        "name_en": "Shanghai Jiao Tong University",
        "description_fr": "Acteur shanghaïen de la cancérologie réuni dans CLARA International Shanghai.",
        "description_en": "A Shanghai oncology player brought into CLARA International Shanghai.",
        "acronym": "SJTU",
        "kind": "university",
        "network_role": FOREIGN,
        "country": "CN",
        "city_fr": "Shanghai",
        "city_en": "Shanghai",
        "coords": (31.2010, 121.4330),
    },
    {
        "slug": "renji-hospital",
        "sources": [("shanghai-2012", "")],
        "name_fr": "Hôpital Renji",
        "name_en": "Renji Hospital",
        "description_fr": "Acteur shanghaïen de la cancérologie réuni dans CLARA International Shanghai.",
        "description_en": "A Shanghai oncology player brought into CLARA International Shanghai.",
        "kind": "hospital",
        "network_role": FOREIGN,
        "country": "CN",
        "city_fr": "Shanghai",
        "city_en": "Shanghai",
        "coords": (31.2130, 121.5060),
    },
    {
        "slug": "renji-stem-cell-research-center",
        "sources": [("shanghai-2012", "")],
        "name_fr": "Centre de recherche sur les cellules souches de l'hôpital Renji",
        "name_en": "Renji Hospital Stem Cell Research Center",
        "kind": "research_institute",
        "network_role": FOREIGN,
        "parent": "renji-hospital",
        "country": "CN",
        "city_fr": "Shanghai",
        "city_en": "Shanghai",
        "coords": (31.2140, 121.5080),
        "description_fr": "Désigné en février 2012 pour accueillir le premier chercheur en mobilité de CLARA International Shanghai, dans le service du Pr Gao.",
        "description_en": "Named in February 2012 as the host of the first researcher mobility of CLARA International Shanghai, in Prof Gao's department.",
    },
    {
        "slug": "shanghai-cancer-institute",
        "sources": [("shanghai-2012", ""), ("international-relations", "")],
        "name_fr": "Institut du cancer de Shanghai",
        "name_en": "Shanghai Cancer Institute",
        "acronym": "SCI",
        "kind": "research_institute",
        "network_role": FOREIGN,
        "country": "CN",
        "city_fr": "Shanghai",
        "city_en": "Shanghai",
        "coords": (31.2020, 121.4620),
        "description_fr": "Membre de CLARA International Shanghai ; partenaire du CRCL par un accord signé en 2013.",
        "description_en": "Member of CLARA International Shanghai; partner of the CRCL through an agreement signed in 2013.",
    },
    {
        "slug": "ruijin-hospital",
        "sources": [("shanghai-2012", "")],
        "name_fr": "Hôpital Ruijin",
        "name_en": "Ruijin Hospital",
        "description_fr": "Acteur shanghaïen de la cancérologie réuni dans CLARA International Shanghai.",
        "description_en": "A Shanghai oncology player brought into CLARA International Shanghai.",
        "kind": "hospital",
        "network_role": FOREIGN,
        "country": "CN",
        "city_fr": "Shanghai",
        "city_en": "Shanghai",
        "coords": (31.2120, 121.4690),
    },
    {
        "slug": "institut-pasteur-shanghai",
        "sources": [("shanghai-2012", "")],
        "name_fr": "Institut Pasteur de Shanghai",
        "name_en": "Institut Pasteur of Shanghai",
        "description_fr": "Acteur shanghaïen de la cancérologie réuni dans CLARA International Shanghai.",
        "description_en": "A Shanghai oncology player brought into CLARA International Shanghai.",
        "acronym": "IPS",
        "kind": "research_institute",
        "network_role": FOREIGN,
        "country": "CN",
        "city_fr": "Shanghai",
        "city_en": "Shanghai",
        "coords": (31.1940, 121.4480),
    },
    {
        "slug": "tongji-university",
        "sources": [("shanghai-2012", "")],
        "name_fr": "Université Tongji",
        "name_en": "Tongji University",
        "description_fr": "Acteur shanghaïen de la cancérologie réuni dans CLARA International Shanghai.",
        "description_en": "A Shanghai oncology player brought into CLARA International Shanghai.",
        "kind": "university",
        "network_role": FOREIGN,
        "country": "CN",
        "city_fr": "Shanghai",
        "city_en": "Shanghai",
        "coords": (31.2840, 121.5010),
    },
    {
        "slug": "fudan-university",
        "sources": [("shanghai-2012", "")],
        "name_fr": "Université Fudan",
        "name_en": "Fudan University",
        "description_fr": "Acteur shanghaïen de la cancérologie réuni dans CLARA International Shanghai.",
        "description_en": "A Shanghai oncology player brought into CLARA International Shanghai.",
        "kind": "university",
        "network_role": FOREIGN,
        "country": "CN",
        "city_fr": "Shanghai",
        "city_en": "Shanghai",
        "coords": (31.2990, 121.5000),
    },
    # Israel.
    {
        "slug": "weizmann-institute",
        "sources": [("international-relations", "")],
        "name_fr": "Institut Weizmann des sciences",
        "name_en": "Weizmann Institute of Science",
        "description_fr": "Institut de recherche de Rehovot (Israël), partie à un accord avec la Région et CLARA.",
        "description_en": "Research institute in Rehovot, Israel, party to an agreement with the Region and CLARA.",
        "kind": "research_institute",
        "network_role": FOREIGN,
        "country": "IL",
        "city_fr": "Rehovot",
        "city_en": "Rehovot",
        "coords": (31.9070, 34.8100),
    },
    # Québec.
    {
        "slug": "frqs",
        "sources": [("oncopole-2018", "")],
        "name_fr": "Fonds de recherche du Québec – Santé",
        "name_en": "Fonds de recherche du Québec – Santé",
        "description_fr": "Fonds de recherche en santé du Québec, à l'origine de la cocréation de l'Oncopole.",
        "description_en": "Quebec's health research fund, which initiated the co-creation of the Oncopole.",
        "acronym": "FRQS",
        "kind": "funding_agency",
        "network_role": FOREIGN,
        "country": "CA",
        "city_fr": "Montréal",
        "city_en": "Montreal",
        "coords": (45.5030, -73.5680),
    },
    {
        "slug": "oncopole-quebec",
        "sources": [("oncopole-2018", "")],
        "name_fr": "Oncopole du Québec",
        "name_en": "Oncopole du Québec",
        "acronym": "Oncopole",
        "kind": "cluster",
        "network_role": FOREIGN,
        "country": "CA",
        "city_fr": "Montréal",
        "city_en": "Montreal",
        "coords": (45.5010, -73.5700),
        "founded_year": 2017,
        "website": "https://oncopole.ca",
        "description_fr": (
            "Né en février 2017 d'une initiative du FRQS, l'Oncopole réunit au Québec recherche, "
            "développement et investissement contre le cancer ; Merck Canada a apporté sa mise "
            "de départ, 15 M$. Il veut stimuler l'ensemble des acteurs québécois de l'oncologie "
            "et faire de la province une référence, en misant sur la recherche, "
            "l'entrepreneuriat, la valorisation et la pertinence clinique."
        ),
        "description_en": (
            "Created in February 2017 on the FRQS's initiative, the Oncopole brings together "
            "cancer research, development and investment in Quebec; Merck Canada provided its "
            "initial investment of $15 million. It aims to spur Quebec's oncology players and make "
            "the province a reference, relying on research, entrepreneurship, commercialisation "
            "and clinical relevance."
        ),
    },
    {
        "slug": "merck-canada",
        "sources": [("oncopole-2018", "")],
        "name_fr": "Merck Canada",
        "name_en": "Merck Canada",
        "kind": "company",
        "network_role": OTHER,
        "country": "CA",
        "description_fr": "Entreprise dont l'investissement initial de 15 M$ a rendu possible la création de l'Oncopole du Québec.",
        "description_en": "Company whose initial investment of $15 million made the creation of the Oncopole du Québec possible.",
    },
    {
        "slug": "universite-de-montreal",
        "sources": [("oncopole-2018", "")],
        "name_fr": "Université de Montréal",
        "name_en": "Université de Montréal",
        "description_fr": "Université citée parmi les acteurs de l'entente de 2018 entre CLARA et l'Oncopole du Québec.",
        "description_en": "A university named among the players in the 2018 agreement between CLARA and the Oncopole du Québec.",
        "kind": "university",
        "network_role": FOREIGN,
        "country": "CA",
        "city_fr": "Montréal",
        "city_en": "Montreal",
        "coords": (45.5050, -73.6130),
    },
    {
        "slug": "mcgill-university",
        "sources": [("oncopole-2018", "")],
        "name_fr": "Université McGill",
        "name_en": "McGill University",
        "description_fr": "Université citée parmi les acteurs de l'entente de 2018 entre CLARA et l'Oncopole du Québec.",
        "description_en": "A university named among the players in the 2018 agreement between CLARA and the Oncopole du Québec.",
        "kind": "university",
        "network_role": FOREIGN,
        "country": "CA",
        "city_fr": "Montréal",
        "city_en": "Montreal",
        "coords": (45.5050, -73.5770),
    },
    {
        "slug": "universite-de-sherbrooke",
        "sources": [("oncopole-2018", "")],
        "name_fr": "Université de Sherbrooke",
        "name_en": "Université de Sherbrooke",
        "description_fr": "Université citée parmi les acteurs de l'entente de 2018 entre CLARA et l'Oncopole du Québec.",
        "description_en": "A university named among the players in the 2018 agreement between CLARA and the Oncopole du Québec.",
        "kind": "university",
        "network_role": FOREIGN,
        "country": "CA",
        "city_fr": "Sherbrooke",
        "city_en": "Sherbrooke",
        "coords": (45.3790, -71.9300),
    },
    {
        "slug": "universite-laval",
        "sources": [("oncopole-2018", "")],
        "name_fr": "Université Laval",
        "name_en": "Université Laval",
        "description_fr": "Université citée parmi les acteurs de l'entente de 2018 entre CLARA et l'Oncopole du Québec.",
        "description_en": "A university named among the players in the 2018 agreement between CLARA and the Oncopole du Québec.",
        "kind": "university",
        "network_role": FOREIGN,
        "country": "CA",
        "city_fr": "Québec",
        "city_en": "Quebec City",
        "coords": (46.7820, -71.2750),
    },
    # Europe.
    {
        "slug": "dkfz",
        "sources": [("international-relations", "")],
        "name_fr": "Centre allemand de recherche sur le cancer",
        "name_en": "German Cancer Research Center",
        "acronym": "DKFZ",
        "kind": "research_institute",
        "network_role": FOREIGN,
        "country": "DE",
        "city_fr": "Heidelberg",
        "city_en": "Heidelberg",
        "coords": (49.4160, 8.6720),
        "description_fr": "Deutsches Krebsforschungszentrum, la référence allemande de la recherche sur le cancer.",
        "description_en": "Deutsches Krebsforschungszentrum, Germany's reference centre for cancer research.",
    },
    {
        "slug": "ibec",
        "sources": [("international-relations", "")],
        "name_fr": "Institut de bio-ingénierie de Catalogne",
        "name_en": "Institute for Bioengineering of Catalonia",
        "description_fr": "Institut catalan, coorganisateur avec CLARA et le Cancéropôle Grand Sud-Ouest d'un symposium sur les nanotechnologies en cancérologie.",
        "description_en": "Catalan institute that organised a symposium on nanotechnology in oncology with CLARA and the Cancéropôle Grand Sud-Ouest.",
        "acronym": "IBEC",
        "kind": "research_institute",
        "network_role": FOREIGN,
        "country": "ES",
        "city_fr": "Barcelone",
        "city_en": "Barcelona",
        "coords": (41.3850, 2.1950),
    },
    {
        "slug": "bionanomed-catalonia",
        "sources": [("international-relations", "")],
        "name_fr": "BioNanoMed Catalonia",
        "name_en": "BioNanoMed Catalonia",
        "kind": "cluster",
        "network_role": FOREIGN,
        "country": "ES",
        "city_fr": "Barcelone",
        "city_en": "Barcelona",
        "coords": (41.3900, 2.1650),
        "description_fr": "Cluster catalan de la nanomédecine.",
        "description_en": "Catalan nanomedicine cluster.",
    },
    {
        "slug": "oncocat",
        "sources": [("international-relations", "")],
        "name_fr": "Oncocat",
        "name_en": "Oncocat",
        "kind": "cluster",
        "network_role": FOREIGN,
        "country": "ES",
        "city_fr": "Barcelone",
        "city_en": "Barcelona",
        "coords": (41.3950, 2.1550),
        "description_fr": "Cluster catalan de l'oncologie.",
        "description_en": "Catalan oncology cluster.",
    },
]

PEOPLE = [
    {
        "slug": "veronique-trillet-lenoir",
        "sources": [("oncopole-2018", "")],
        "first_name": "Véronique",
        "last_name": "Trillet-Lenoir",
        "role_fr": "Présidente du Directoire de CLARA",
        "role_en": "Chair of CLARA's Executive Board",
        "affiliation": "canceropole-clara",
        "is_public": True,
    },
    {
        "slug": "olivier-exertier",
        "sources": [("oncopole-2018", "")],
        "first_name": "Olivier",
        "last_name": "Exertier",
        "role_fr": "Secrétaire général de CLARA",
        "role_en": "Secretary General of CLARA",
        "affiliation": "canceropole-clara",
        "is_public": True,
    },
    {
        "slug": "remi-quirion",
        "sources": [
            (
                "oncopole-2018",
                "« Scientifique en chef de l'Oncopole du Québec »",
            )
        ],
        "first_name": "Rémi",
        "last_name": "Quirion",
        # As the release, his only source, gives it.
        "role_fr": "Scientifique en chef, Oncopole du Québec",
        "role_en": "Chief Scientist, Oncopole du Québec",
        "is_public": True,
    },
    {
        "slug": "philippe-archinard",
        "sources": [("industrie-pharma-lyonbiopole", "")],
        "first_name": "Philippe",
        "last_name": "Archinard",
        "role_fr": "Président de Lyonbiopôle",
        "role_en": "President of Lyonbiopôle",
        "affiliation": "lyonbiopole",
        "is_public": True,
    },
    {
        "slug": "gao-renji",
        "sources": [("shanghai-2012", "")],
        "first_name": "",
        "last_name": "Gao",
        "title": "Pr",
        "role_fr": "Chef de service, centre de recherche sur les cellules souches de l'hôpital Renji",
        "role_en": "Head of department, Renji Hospital Stem Cell Research Center",
        "affiliation": "renji-stem-cell-research-center",
        "is_public": True,
    },
    {
        "slug": "christian-brambilla",
        "sources": [("international-relations", "")],
        # The page gives the initial only ("Pr. C. Brambilla").
        "first_name": "C.",
        "last_name": "Brambilla",
        "title": "Pr",
        "role_fr": "Coordinateur, à Grenoble, du programme avec Milan sur les biomarqueurs du cancer du poumon",
        "role_en": "Coordinator, in Grenoble, of the programme with Milan on lung cancer biomarkers",
        "is_public": True,
    },
    {
        "slug": "patrick-mehlen",
        "sources": [("international-relations", "")],
        # The page gives the initial only ("Dr. P. Mehlen").
        "first_name": "P.",
        "last_name": "Mehlen",
        "title": "Dr",
        "role_fr": "Coordinateur, à Lyon, du programme avec Lausanne sur les récepteurs à dépendance",
        "role_en": "Coordinator, in Lyon, of the programme with Lausanne on dependence receptors",
        "is_public": True,
    },
    {
        "slug": "patrick-boisseau",
        "sources": [("international-relations", "")],
        "first_name": "Patrick",
        "last_name": "Boisseau",
        "role_fr": "Coordinateur de Nano2Life (Grenoble)",
        "role_en": "Coordinator of Nano2Life (Grenoble)",
        "is_public": True,
    },
    {
        "slug": "jean-yves-blay",
        "sources": [("international-relations", "")],
        "first_name": "Jean-Yves",
        "last_name": "Blay",
        "title": "Pr",
        "role_fr": "Coordinateur de CONTICANET (Lyon)",
        "role_en": "Coordinator of CONTICANET (Lyon)",
        "is_public": True,
    },
    # Press contacts: kept for the office, never shown publicly.
    {
        "slug": "gwenaelle-paret",
        "sources": [("oncopole-2018", "")],
        "first_name": "Gwenaëlle",
        "last_name": "Paret",
        "role_fr": "Contact presse de CLARA",
        "role_en": "CLARA press contact",
        "affiliation": "canceropole-clara",
        "email": "gparet@canceropole-clara.com",
        "is_public": False,
    },
    {
        "slug": "anne-sophie-chatain-masson",
        "sources": [("oncopole-2018", "")],
        "first_name": "Anne-Sophie",
        "last_name": "Chatain-Masson",
        "role_fr": "Relations presse (agence PLUS2SENS)",
        "role_en": "Press relations (PLUS2SENS agency)",
        "email": "anne-sophie@plus2sens.com",
        "is_public": False,
    },
    {
        "slug": "laurence-nicolas",
        "sources": [("oncopole-2018", "")],
        "first_name": "Laurence",
        "last_name": "Nicolas",
        "role_fr": "Relations presse (agence PLUS2SENS)",
        "role_en": "Press relations (PLUS2SENS agency)",
        "email": "laurence@plus2sens.com",
        "is_public": False,
    },
]

TEAMS = [
    {
        "slug": "gao-stem-cell-team",
        "sources": [("shanghai-2012", "")],
        "name_fr": "Équipe du Pr Gao – cellules souches",
        "name_en": "Prof Gao's team – stem cells",
        "institution": "renji-stem-cell-research-center",
        "leader": "gao-renji",
        "themes": ["cancer-stem-cells"],
        "description_fr": "Service du centre de recherche sur les cellules souches de Renji désigné pour accueillir le premier chercheur en mobilité du programme.",
        "description_en": "Department of the Renji stem cell research centre named to host the programme's first mobile researcher.",
    },
    # No other team: the documents name where P. Mehlen and C. Brambilla coordinate (Lyon,
    # Grenoble), not their institutions.
]

SHANGHAI_THEMES = [
    "cancer-stem-cells",
    "liver-cancer",
    "animal-models-imaging",
    "tumour-microenvironment",
    "tumour-markers-biobanks",
    "malignant-lymphoma",
]

# The documents, each a source of the records below ("sources": [(key, locator), ...]).
# A locator is a page, a section or a short quotation: it stays in the back-office.
SOURCES = [
    {
        "key": "shanghai-2012",
        "title": "Le Cancéropôle CLARA essaime en Chine",
        "publisher": "Cancéropôle CLARA",
        "date": D(2012, 2, 21),
        "date_precision": "day",
        "language": "fr",
        "seed_file": "2012-clara-international-shanghai.fr.txt",
    },
    {
        "key": "oncopole-2018",
        "title": (
            "Conclusion d'une entente entre le Cancéropôle CLARA et l'Oncopole du Québec pour "
            "accélérer la lutte contre le cancer"
        ),
        # A press release; the kind of document is not part of the publisher (shown in English too).
        "publisher": "Cancéropôle CLARA, Oncopole du Québec",
        "date": D(2018, 3, 8),
        "date_precision": "day",
        "language": "fr",
        "seed_file": "2018-clara-oncopole-quebec.fr.txt",
    },
    {
        "key": "about-us",
        "title": "About us",
        "publisher": "Cancéropôle CLARA",
        "language": "en",
        "seed_file": "clara-about-us.en.txt",
    },
    {
        "key": "international-relations",
        "title": "International relations",
        "publisher": "Cancéropôle CLARA",
        "language": "en",
        "seed_file": "clara-international-relations.en.txt",
    },
    {
        "key": "industrie-pharma-lyonbiopole",
        "title": "Lyonbiopôle et Clara renforcent leur partenariat",
        "publisher": "Industrie Pharma",
        "language": "fr",
        "seed_file": "lyonbiopole-clara-partnership.fr.txt",
    },
]

SHANGHAI = [("shanghai-2012", "")]
QUEBEC = [("oncopole-2018", "")]
ABOUT = [("about-us", "")]
INTERNATIONAL = [("international-relations", "")]
LYONBIOPOLE = [("industrie-pharma-lyonbiopole", "")]

PARTNERSHIPS = [
    {
        "slug": "clara-international-shanghai",
        "name_fr": "CLARA International Shanghai",
        "name_en": "CLARA International Shanghai",
        "kind": "bilateral_programme",
        # CLARA "has been leading" it since 2011, says an undated page: today is not known.
        "status": "unknown",
        "start_date": D(2011, 1, 1),
        "start_precision": "year",
        "countries": ["CN"],
        "is_featured": True,
        "sources": [
            ("shanghai-2012", "communiqué du 21 février 2012"),
            ("international-relations", "The CLARA cancer cluster gets active in China"),
        ],
        "summary_fr": (
            "Réseau de recherche en cancérologie entre les équipes académiques et cliniques de "
            "Rhône-Alpes et de Shanghai : cellules souches, cancer du foie (carcinome "
            "hépatocellulaire), imagerie et trois autres thèmes."
        ),
        "summary_en": (
            "Cancer research network linking academic and clinical teams of Rhône-Alpes and "
            "Shanghai: stem cells, liver cancer (hepatocellular carcinoma), imaging and three "
            "more themes."
        ),
        "description_fr": (
            "Engagé en 2011, au titre de la stratégie de CLARA pour 2011–2014, et annoncé en "
            "février 2012, le programme relie les équipes de Rhône-Alpes à celles de Shanghai. "
            "La Région et la Municipalité de Shanghai, qui coopéraient alors depuis vingt-cinq ans, ont "
            "soutenu ce rapprochement. Quatorze instituts y participaient dès l'annonce.\n\n"
            "Un premier symposium, à Shanghai en juillet 2011, a fixé six thèmes ; les "
            "collaborations les plus avancées portent sur les cellules souches cancéreuses, le "
            "cancer du foie (carcinome hépatocellulaire, très répandu en Chine) et les modèles "
            "animaux et l'imagerie. Le programme s'appuie sur la mobilité des chercheurs, et "
            "envisage l'échange de modèles expérimentaux et de ressources biologiques, puis des "
            "partenariats public-privé.\n\n"
            "On lui doit trois séminaires franco-chinois tenus tantôt à Shanghai, tantôt à Lyon, "
            "un projet commun sur les cellules souches cancéreuses, des échanges d'étudiants et "
            "de médecins et, en 2013, un accord entre le CRCL et l'Institut du cancer de Shanghai."
        ),
        "description_en": (
            "Begun in 2011 under CLARA's 2011–2014 strategy and announced in February 2012, the "
            "programme links teams in Rhône-Alpes with teams in Shanghai. The Region and the "
            "Shanghai Municipality, which had then cooperated for twenty-five years, backed the "
            "initiative. Fourteen institutes were taking part when it was announced.\n\n"
            "A first symposium, in Shanghai in July 2011, set six themes; the most advanced work "
            "concerns cancer stem cells, liver cancer (hepatocellular carcinoma, very common in "
            "China) and animal models and imaging. The programme relies on researcher mobility, "
            "and foresees exchanges of experimental models and biological resources, then "
            "public-private partnerships.\n\n"
            "It has led to three Franco-Chinese seminars held by turns in Shanghai and Lyon, a "
            "joint project on cancer stem cells, exchanges of students and physicians and, in "
            "2013, an agreement between the CRCL and the Shanghai Cancer Institute."
        ),
        "themes": SHANGHAI_THEMES,
        "members": [
            ("canceropole-clara", "coordinator"),
            ("region-auvergne-rhone-alpes", "supporter"),
            ("shanghai-municipality", "supporter"),
            ("crcl", "partner"),
            ("shanghai-jiao-tong-university", "partner"),
            ("institut-pasteur-shanghai", "partner"),
            ("renji-hospital", "partner"),
            ("renji-stem-cell-research-center", "host"),
            ("shanghai-cancer-institute", "partner"),
            ("ruijin-hospital", "partner"),
            ("tongji-university", "partner"),
            ("fudan-university", "partner"),
        ],
        "figures": [
            {
                "value": 14,
                "label_fr": "instituts de recherche, en Rhône-Alpes et à Shanghai, engagés à l'annonce",
                "label_en": "research institutes from Rhône-Alpes and Shanghai involved at launch",
                "period_start": 2012,
                "sources": SHANGHAI,
            },
            {
                "value": 6,
                "label_fr": "thèmes de recherche",
                "label_en": "research themes",
                "period_start": 2011,
                "sources": [("shanghai-2012", "symposium de juillet 2011")],
            },
            {
                "value": 25,
                "unit_fr": "ans",
                "unit_en": "years",
                "label_fr": "de coopération entre la Région et la Municipalité de Shanghai",
                "label_en": "of partnership between the Rhône-Alpes Region and the Shanghai Municipality",
                "period_start": 2012,
                "sources": SHANGHAI,
            },
            {
                "value": 3,
                "label_fr": "mobilités de jeunes chercheurs prévues d'ici fin 2012",
                "label_en": "young researcher mobilities planned by the end of 2012",
                "period_start": 2012,
                "sources": SHANGHAI,
            },
            {
                "value": 3,
                "label_fr": "séminaires franco-chinois, tantôt à Shanghai, tantôt à Lyon",
                "label_en": "Franco-Chinese seminars, alternately in Shanghai and Lyon",
                "sources": INTERNATIONAL,
            },
        ],
    },
    {
        "slug": "oncopole-quebec",
        "name_fr": "Partenariat CLARA – Oncopole du Québec",
        "name_en": "CLARA – Oncopole du Québec partnership",
        "kind": "cluster_partnership",
        # A 2018 release presents the partnership as starting: today is not known.
        "status": "unknown",
        "start_date": D(2018, 3, 8),
        "countries": ["CA"],
        "is_featured": True,
        "sources": QUEBEC,
        "summary_fr": (
            "Entente entre CLARA et l'Oncopole du Québec, annoncée le 8 mars 2018 : génomique et "
            "médecine de précision, thérapie cellulaire, organisation des soins."
        ),
        "summary_en": (
            "Agreement between CLARA and the Oncopole du Québec, announced on 8 March 2018: "
            "genomics and precision medicine, cell therapy, organisation of care."
        ),
        "description_fr": (
            "Le 8 mars 2018, lors de la Rencontre alternée des Premiers ministres du Québec et "
            "de la France, les dirigeants des deux pôles se sont réunis à l'Hôtel de Matignon en vue "
            "de cette collaboration. L'entente conclue donne un cadre plus formel à leur "
            "coopération. Elle rassemble d'un côté les universités de Montréal, McGill, "
            "Sherbrooke et Laval, de l'autre des universités de Lyon, de Saint-Étienne, de "
            "Grenoble et de Clermont-Ferrand. Elle prolonge des liens anciens : depuis 2000, "
            "CLARA et le Canada cosignent plus de 1 300 publications.\n\n"
            "Elle prévoit des programmes de recherche conjoints, des bourses de mobilité "
            "étudiante cofinancées, le partage de connaissances et des symposiums scientifiques, "
            "dont le premier était prévu en novembre 2018 lors des Entretiens Jacques Cartier."
        ),
        "description_en": (
            "On 8 March 2018, during the alternating meeting of the Quebec and French Prime "
            "Ministers, the leaders of the two hubs met at the Hôtel de Matignon with a view to "
            "this collaboration. The agreement reached puts their cooperation on a more formal "
            "footing. It brings in the universities of Montreal, McGill, Sherbrooke and Laval on "
            "one side, and universities in Lyon, Saint-Étienne, Grenoble and Clermont-Ferrand on "
            "the other. It extends long-standing ties: since 2000, CLARA and "
            "Canada have co-authored more than 1,300 publications.\n\n"
            "It provides for joint research programmes, jointly funded student mobility grants, "
            "knowledge sharing and scientific symposia, the first of which was announced for "
            "November 2018 at the Entretiens Jacques Cartier."
        ),
        "themes": ["genomics-precision-medicine", "cell-therapy", "cancer-care-organisation"],
        # Who coordinates the partnership is not stated.
        "members": [
            ("canceropole-clara", "partner"),
            ("oncopole-quebec", "partner"),
            ("universite-de-montreal", "partner"),
            ("mcgill-university", "partner"),
            ("universite-de-sherbrooke", "partner"),
            ("universite-laval", "partner"),
            ("universite-de-lyon", "partner"),
            ("universite-jean-monnet", "partner"),
            ("universite-grenoble-alpes", "partner"),
            ("universite-clermont-auvergne", "partner"),
        ],
        "figures": [
            {
                "value": 1300,
                "is_minimum": True,
                "label_fr": "copublications entre CLARA et le Canada",
                "label_en": "co-publications between CLARA and Canada",
                "period_start": 2000,
                "period_end": 2018,
                "sources": QUEBEC,
            },
        ],
    },
    {
        "slug": "weizmann-institute",
        "name_fr": "Coopération avec l'Institut Weizmann",
        "name_en": "Cooperation with the Weizmann Institute",
        "kind": "bilateral_programme",
        "status": "unknown",
        "countries": ["IL"],
        "is_featured": True,
        "sources": INTERNATIONAL,
        "summary_fr": "Accord tripartite entre la Région, l'Institut Weizmann (Rehovot, Israël) et CLARA.",
        "summary_en": "Three-party agreement between the Region, the Weizmann Institute (Rehovot, Israel) and CLARA.",
        "description_fr": (
            "CLARA, la Région Auvergne-Rhône-Alpes et l'Institut Weizmann des sciences ont signé "
            "un accord qui couvre trois volets : monter ensemble des projets scientifiques, tenir "
            "des conférences communes, alternativement en France et en Israël, et faire circuler "
            "chercheurs, médecins et étudiants."
        ),
        "description_en": (
            "CLARA, the Auvergne-Rhône-Alpes Region and the Weizmann Institute of Science signed "
            "an agreement covering three strands: building scientific projects together, holding "
            "shared conferences in France and Israel by turns, and exchanging researchers, "
            "physicians and students."
        ),
        "members": [
            ("canceropole-clara", "partner"),
            ("region-auvergne-rhone-alpes", "partner"),
            ("weizmann-institute", "partner"),
        ],
    },
    {
        "slug": "milan-lung-cancer-biomarkers",
        "name_fr": "Programme Milan – biomarqueurs du cancer du poumon",
        "name_en": "Milan programme – lung cancer biomarkers",
        "kind": "cluster_partnership",
        "status": "unknown",
        "countries": ["IT"],
        "sources": INTERNATIONAL,
        "summary_fr": "Projet mené avec un pôle européen de recherche sur le cancer à Milan pour identifier des biomarqueurs du cancer du poumon.",
        "summary_en": "Project with a European cancer research cluster in Milan to identify lung cancer biomarkers.",
        "description_fr": (
            "CLARA a lancé deux projets avec des pôles européens de recherche sur le cancer, avec "
            "l'appui de l'INCa ; celui-ci, mené avec Milan, est coordonné à Grenoble par le "
            "Pr C. Brambilla."
        ),
        "description_en": (
            "CLARA launched two projects with other European cancer research clusters, with "
            "backing from INCa; this one, with Milan, is coordinated in Grenoble by "
            "Prof C. Brambilla."
        ),
        "themes": ["lung-cancer-biomarkers"],
        "coordinators": ["christian-brambilla"],
        "members": [("canceropole-clara", "partner"), ("inca", "supporter")],
    },
    {
        "slug": "lausanne-dependence-receptors",
        "name_fr": "Programme Lausanne – récepteurs à dépendance et cancer du côlon",
        "name_en": "Lausanne programme – dependence receptors in colon cancer",
        "kind": "cluster_partnership",
        "status": "unknown",
        "countries": ["CH"],
        "sources": INTERNATIONAL,
        "summary_fr": "Projet mené avec un pôle européen de recherche sur le cancer à Lausanne sur le rôle des récepteurs à dépendance dans le cancer du côlon.",
        "summary_en": "Project with a European cancer research cluster in Lausanne on the role of dependence receptors in colon cancer.",
        "description_fr": (
            "Le second des deux projets lancés avec des pôles européens, avec l'appui de l'INCa, "
            "mené avec Lausanne ; la coordination revient, à Lyon, au Dr P. Mehlen."
        ),
        "description_en": (
            "The second of the two projects launched with European clusters, with backing from "
            "INCa, with Lausanne; Dr P. Mehlen coordinates it in Lyon."
        ),
        "themes": ["dependence-receptors-colon-cancer"],
        "coordinators": ["patrick-mehlen"],
        "members": [("canceropole-clara", "partner"), ("inca", "supporter")],
    },
    {
        "slug": "nano2life",
        "name_fr": "Nano2Life",
        "name_en": "Nano2Life",
        "kind": "european_project",
        "status": "unknown",
        "sources": INTERNATIONAL,
        "summary_fr": "Programme phare de recherche et d'organisation soutenu par la Communauté européenne, coordonné à Grenoble par Patrick Boisseau.",
        "summary_en": "Flagship research and organisation programme backed by the European Community, coordinated in Grenoble by Patrick Boisseau.",
        "description_fr": "L'un des programmes cités par CLARA parmi ceux qui lui valent une reconnaissance accrue en Europe.",
        "description_en": "One of the programmes CLARA cites as earning it greater recognition in Europe.",
        "themes": ["nanomedicine"],
        "coordinators": ["patrick-boisseau"],
        # The page lists it among the programmes the European Community supports; it gives
        # CLARA no part in it.
        "members": [("european-commission", "supporter")],
    },
    {
        "slug": "conticanet",
        "name_fr": "CONTICANET",
        "name_en": "CONTICANET",
        "kind": "european_project",
        "status": "unknown",
        "sources": INTERNATIONAL,
        "summary_fr": "Programme phare de recherche et d'organisation soutenu par la Communauté européenne, coordonné à Lyon par le Pr Jean-Yves Blay.",
        "summary_en": "Flagship research and organisation programme backed by the European Community, coordinated in Lyon by Prof Jean-Yves Blay.",
        "description_fr": "L'un des programmes cités par CLARA parmi ceux qui lui valent une reconnaissance accrue en Europe.",
        "description_en": "One of the programmes CLARA cites as earning it greater recognition in Europe.",
        "themes": ["sarcoma"],
        "coordinators": ["jean-yves-blay"],
        "members": [("european-commission", "supporter")],
    },
    {
        "slug": "european-cancer-observatory",
        "name_fr": "Observatoire européen du cancer",
        "name_en": "European Cancer Observatory",
        "kind": "european_project",
        "status": "unknown",
        "sources": INTERNATIONAL,
        "summary_fr": "Observatoire coordonné par le CIRC, dont CLARA soutient le développement.",
        "summary_en": "Observatory coordinated by IARC, whose development CLARA supports.",
        "themes": ["cancer-epidemiology"],
        "members": [("iarc", "coordinator"), ("canceropole-clara", "supporter")],
    },
    {
        "slug": "european-lymphoma-institute",
        "name_fr": "Institut européen du lymphome",
        "name_en": "European Lymphoma Institute",
        "acronym": "ELI",
        "kind": "network",
        # "has participated": CLARA took part; the page does not say the network ended.
        "status": "unknown",
        "sources": INTERNATIONAL,
        "summary_fr": "Réseau européen sur les lymphomes auquel CLARA a participé.",
        "summary_en": "European lymphoma network in which CLARA took part.",
        "themes": ["malignant-lymphoma"],
        "members": [("canceropole-clara", "partner")],
    },
    {
        "slug": "world-sarcoma-network",
        "name_fr": "World Sarcoma Network",
        "name_en": "World Sarcoma Network",
        "acronym": "WSN",
        "kind": "network",
        "status": "unknown",
        "sources": INTERNATIONAL,
        "summary_fr": "Réseau mondial sur les sarcomes auquel CLARA a participé.",
        "summary_en": "Worldwide sarcoma network in which CLARA took part.",
        "themes": ["sarcoma"],
        "members": [("canceropole-clara", "partner")],
    },
    {
        "slug": "iarc-dkfz-infectiology",
        "name_fr": "CIRC – DKFZ : cancers d'origine virale",
        "name_en": "IARC – DKFZ: virus-induced cancers",
        "kind": "research_collaboration",
        "status": "unknown",
        "countries": ["DE"],
        "sources": INTERNATIONAL,
        "summary_fr": "Équipes du CIRC et du DKFZ rassemblées à Lyon contre les cancers d'origine virale : mieux les diagnostiquer, les soigner et les prévenir.",
        "summary_en": "IARC and DKFZ teams working together in Lyon against virus-induced cancers: better diagnosis, treatment and prevention.",
        "description_fr": "Avec l'Allemagne, la coopération passe par l'infectiologie : deux centres de recherche internationaux travaillent ensemble à Lyon.",
        "description_en": "With Germany, cooperation centres on infectiology: two international research centres work side by side in Lyon.",
        "themes": ["virus-induced-cancers"],
        "members": [
            # The page names the two centres; it gives no one a role, nor one to CLARA.
            ("iarc", "partner"),
            ("dkfz", "partner"),
        ],
    },
    {
        "slug": "catalonia-nanomedicine",
        "name_fr": "Clusters espagnols : nanomédecine et oncologie",
        "name_en": "Spanish clusters: nanomedicine and oncology",
        "kind": "event_series",
        "status": "unknown",
        "countries": ["ES"],
        "sources": INTERNATIONAL,
        "summary_fr": "Un symposium international sur les nanotechnologies au service des patients atteints de cancer, puis une rencontre avec des clusters catalans aux 7es Journées scientifiques.",
        "summary_en": "An international symposium on nanotechnology for cancer patients, followed by a meeting with Catalan clusters at the 7th Scientific Days.",
        "description_fr": (
            "Avec le Cancéropôle Grand Sud-Ouest et l'IBEC, CLARA a organisé un symposium "
            "international consacré aux usages cliniques des nanotechnologies contre le cancer. "
            "Il a ensuite réservé une séance de ses 7es Journées scientifiques aux clusters "
            "catalans BioNanoMed Catalonia et Oncocat, pour rapprocher chercheurs et entreprises "
            "de la nanomédecine et de l'oncologie et préparer des projets européens."
        ),
        "description_en": (
            "With the Cancéropôle Grand Sud-Ouest and IBEC, CLARA organised an international "
            "symposium on how nanotechnology can be used in the clinic against cancer. It then "
            "gave a session of its 7th Scientific Days to the Catalan clusters BioNanoMed "
            "Catalonia and Oncocat, to connect nanomedicine and oncology researchers with "
            "companies and prepare European projects."
        ),
        "themes": ["nanomedicine"],
        "members": [
            ("canceropole-clara", "partner"),
            ("canceropole-grand-sud-ouest", "partner"),
            ("ibec", "partner"),
            ("bionanomed-catalonia", "partner"),
            ("oncocat", "partner"),
        ],
    },
    {
        "slug": "senegal-delegation",
        "name_fr": "Délégation sénégalaise",
        "name_en": "Senegalese delegation",
        "kind": "delegation_visit",
        "status": "completed",
        "countries": ["SN"],
        "sources": INTERNATIONAL,
        "summary_fr": "CLARA a reçu une délégation du Sénégal, venue voir comment les soins sont organisés en France et chercher des partenaires en cancérologie.",
        "summary_en": "CLARA welcomed a delegation from Senegal, which came to see how healthcare is organised in France and to look for cancer partners.",
        # The visit concerned the French healthcare system as a whole: no research theme.
        "themes": [],
        "members": [("canceropole-clara", "host")],
    },
    {
        "slug": "lyonbiopole",
        "name_fr": "Partenariat Lyonbiopôle – CLARA",
        "name_en": "Lyonbiopôle – CLARA partnership",
        "kind": "cluster_partnership",
        # The plan runs until 2018; the partnership itself is not said to have ended.
        "status": "unknown",
        "start_date": D(2013, 1, 1),
        "start_precision": "year",
        "sources": LYONBIOPOLE,
        "summary_fr": "Partenariat engagé en 2013 avec le pôle de compétitivité santé, renforcé par un plan de collaboration courant jusqu'en 2018.",
        "summary_en": "Partnership begun in 2013 with the health competitiveness cluster, strengthened by a collaboration plan running until 2018.",
        "description_fr": (
            "Depuis 2013, Lyonbiopôle et CLARA coordonnent l'animation scientifique et leurs "
            "manifestations pour faire émerger des projets de R&D, et labellisent ces projets par "
            "le GTech, instance de référence qu'ils partagent. Leur nouveau plan, valable jusqu'en 2018, "
            "s'articule en "
            "trois volets : relier équipes académiques et industriels, en particulier les PME ; "
            "repérer le potentiel d'innovation de toute la région pour que les innovations "
            "atteignent tous les centres qui soignent des patients ; et renforcer, avec les "
            "universités, les formations aux métiers de la cancérologie. Les deux partenaires "
            "ont présenté vingt produits en développement en oncologie, dans six domaines."
        ),
        "description_en": (
            "Since 2013 Lyonbiopôle and CLARA have coordinated their scientific events to bring "
            "R&D projects forward, and they accredit those projects through a joint reference "
            "body, the GTech. Their new plan, valid until 2018, has three parts: connecting academic teams "
            "with companies, SMEs in particular; mapping innovation potential across the region "
            "so that innovations reach every centre treating patients; and strengthening, with "
            "the universities, training for careers in oncology. The two partners presented "
            "twenty oncology products in development, across six areas."
        ),
        "themes": [
            "diagnostics",
            "imaging-medical-devices",
            "radiotherapy",
            "chemotherapy",
            "immunotherapy",
            "patient-services",
        ],
        "members": [("lyonbiopole", "partner"), ("canceropole-clara", "partner")],
        "figures": [
            {
                "value": 20,
                "label_fr": "produits en développement en oncologie",
                "label_en": "oncology products in development",
                "sources": LYONBIOPOLE,
            },
            {
                "value": 6,
                "label_fr": "domaines de développement des produits",
                "label_en": "areas in which the products are developed",
                "sources": LYONBIOPOLE,
            },
        ],
    },
]

# Figures about CLARA as a whole (shown on the home page), stated "ten years after its
# creation" (2003), so about 2013.
CLARA_FIGURES = [
    {
        "value": 30,
        "label_fr": "projets de transfert à fort potentiel",
        "label_en": "transfer projects with strong potential",
        "period_start": 2013,
        "period_is_approximate": True,
        "sources": [("about-us", "“Ten years after its creation”, about 2013")],
    },
    {
        "value": 5,
        "label_fr": "projets de transfert en développement clinique",
        "label_en": "transfer projects in clinical development",
        "period_start": 2013,
        "period_is_approximate": True,
        "sources": [("about-us", "“Ten years after its creation”, about 2013")],
    },
    {
        "value": 1,
        "label_fr": "projet en demande d'autorisation de mise sur le marché",
        "label_en": "project applying for marketing authorisation",
        "period_start": 2013,
        "period_is_approximate": True,
        "sources": [("about-us", "“Ten years after its creation”, about 2013")],
    },
]

# References are internal (INT-…): the documents give none.
AGREEMENTS = [
    {
        "reference": "INT-2013-CRCL-SCI",
        "slug": "crcl-shanghai-cancer-institute-2013",
        "title_fr": "Accord de partenariat CRCL – Institut du cancer de Shanghai",
        "title_en": "CRCL – Shanghai Cancer Institute partnership agreement",
        "kind": "partnership",
        "status": "signed",
        "partnership": "clara-international-shanghai",
        "signed_on": D(2013, 1, 1),
        "signed_precision": "year",
        "sources": INTERNATIONAL,
        "summary_fr": "Accord signé en 2013 entre le Centre de recherche en cancérologie de Lyon et l'Institut du cancer de Shanghai, dans le cadre de CLARA International Shanghai.",
        "summary_en": "Agreement signed in 2013 between the Lyon Cancer Research Center and the Shanghai Cancer Institute, within CLARA International Shanghai.",
        "parties": [{"institution": "crcl"}, {"institution": "shanghai-cancer-institute"}],
    },
    {
        "reference": "INT-ARA-WIS-CLARA",
        "slug": "region-weizmann-clara",
        "title_fr": "Accord de partenariat Région Auvergne-Rhône-Alpes – Institut Weizmann – CLARA",
        "title_en": "Auvergne-Rhône-Alpes Region – Weizmann Institute – CLARA partnership agreement",
        "kind": "partnership",
        "status": "signed",
        "partnership": "weizmann-institute",
        "sources": INTERNATIONAL,
        "summary_fr": "Accord à trois : projets scientifiques communs, conférences alternant entre la France et Israël, échanges de chercheurs, de médecins et d'étudiants.",
        "summary_en": "Three-party agreement: joint scientific projects, conferences alternating between France and Israel, exchanges of researchers, physicians and students.",
        "parties": [
            {"institution": "region-auvergne-rhone-alpes"},
            {"institution": "weizmann-institute"},
            {"institution": "canceropole-clara"},
        ],
        "commitments": [
            ("joint_research", "Projets scientifiques communs", "Joint scientific projects"),
            (
                "joint_conference",
                "Conférences scientifiques communes, tantôt en France, tantôt en Israël",
                "Shared scientific conferences, by turns in France and in Israel",
            ),
            (
                "exchange",
                "Échanges de chercheurs, de médecins et d'étudiants",
                "Exchanges of researchers, physicians and students",
            ),
        ],
    },
    {
        "reference": "INT-2018-CLARA-ONCOPOLE",
        "slug": "clara-oncopole-quebec-2018",
        "title_fr": "Entente CLARA – Oncopole du Québec",
        "title_en": "CLARA – Oncopole du Québec agreement",
        "kind": "partnership",
        # The release reports an agreement concluded, not a signing (nor when or where).
        "status": "announced",
        "partnership": "oncopole-quebec",
        "sources": [("oncopole-2018", "« Cette entente conclue », « Cette annonce »")],
        "summary_fr": "Entente annoncée par le communiqué du 8 mars 2018 pour accélérer la lutte contre le cancer par des programmes conjoints, des bourses de mobilité et des symposiums.",
        "summary_en": "Agreement announced in the release of 8 March 2018, to speed up the fight against cancer through joint programmes, mobility grants and symposia.",
        "themes": ["genomics-precision-medicine", "cell-therapy", "cancer-care-organisation"],
        # The release names who met at Matignon, not who signed.
        "parties": [{"institution": "canceropole-clara"}, {"institution": "oncopole-quebec"}],
        "commitments": [
            ("joint_research", "Programmes de recherche conjoints", "Joint research programmes"),
            (
                "mobility_grant",
                "Investissement commun dans des bourses de mobilité étudiante",
                "Joint investment in student mobility grants",
            ),
            (
                "knowledge_sharing",
                "Partage de connaissances et de bonnes pratiques entre les deux pôles",
                "Sharing of knowledge and good practice between the two hubs",
            ),
            (
                "joint_conference",
                "Symposiums scientifiques réunissant des experts d'Auvergne-Rhône-Alpes et du Québec",
                "Scientific symposia bringing together experts from Auvergne-Rhône-Alpes and Quebec",
            ),
        ],
    },
    {
        "reference": "INT-LYONBIOPOLE-CLARA",
        "slug": "lyonbiopole-clara-plan",
        "title_fr": "Plan de collaboration Lyonbiopôle – CLARA (jusqu'en 2018)",
        "title_en": "Lyonbiopôle – CLARA collaboration plan (until 2018)",
        "kind": "collaboration",
        # Announced ("ont annoncé"), not said to be signed; it commits both "jusqu'en 2018".
        "status": "announced",
        "partnership": "lyonbiopole",
        "end_date": D(2018, 1, 1),
        "end_precision": "year",
        "sources": [("industrie-pharma-lyonbiopole", "« ont annoncé », « jusqu'en 2018 »")],
        "summary_fr": "Nouveau plan annoncé, qui engage les deux partenaires jusqu'en 2018, en trois volets.",
        "summary_en": "New plan, announced, committing the two partners until 2018, in three parts.",
        # The article names no signatory.
        "parties": [{"institution": "lyonbiopole"}, {"institution": "canceropole-clara"}],
        "commitments": [
            (
                "innovation",
                "Mise en réseau des équipes académiques et des industriels, notamment des PME",
                "Networking academic teams with companies, especially SMEs",
            ),
            (
                "innovation",
                "Repérage du potentiel d'innovation dans toute la région",
                "Identifying innovation potential across the region",
            ),
            (
                "training",
                "Renforcement des formations aux métiers de la cancérologie",
                "Strengthening training for careers in oncology",
            ),
        ],
    },
]

MOBILITIES = [
    {
        # Announced on 21 February 2012 for "20 February" (the year is the article's) and for
        # four months: planned, not reported as done.
        "key": {"partnership": "clara-international-shanghai", "planned_start": D(2012, 2, 20)},
        "category": "researcher",
        "direction": "outgoing",
        "host_institution": "renji-stem-cell-research-center",
        "host_team": "gao-stem-cell-team",
        "planned_end": D(2012, 6, 19),
        "status": "planned",
        "sources": [
            (
                "shanghai-2012",
                "« le 20 février prochain (et pour 4 mois) » ; année déduite de la date de "
                "l'article (21 février 2012)",
            )
        ],
        "description_fr": (
            "Première mobilité annoncée du programme : un premier chercheur devait "
            "rejoindre pour quatre mois le service du Pr Gao à partir du 20 février (l'année, "
            "2012, est déduite de la date du communiqué)."
        ),
        "description_en": (
            "The programme's first announced mobility: a first researcher was to join "
            "Prof Gao's department for four months from 20 February (the year, 2012, is taken "
            "from the date of the announcement)."
        ),
    },
]

EVENTS = [
    {
        "slug": "shanghai-rhone-alpes-symposium-2011",
        "title_fr": "1er Shanghai/Rhône-Alpes Symposium on Translational Research in Oncology",
        "title_en": "1st Shanghai/Rhône-Alpes Symposium on Translational Research in Oncology",
        "kind": "symposium",
        "start_date": D(2011, 7, 4),
        "end_date": D(2011, 7, 6),
        "city_fr": "Shanghai",
        "city_en": "Shanghai",
        "country": "CN",
        "partnership": "clara-international-shanghai",
        "sources": SHANGHAI,
        "description_fr": "Premier colloque du programme, où ont été identifiés les six thèmes de collaboration.",
        "description_en": "The programme's first symposium, where the six collaboration themes were identified.",
    },
    {
        "slug": "shanghai-rhone-alpes-symposium-2012",
        "title_fr": "2e Shanghai/Rhône-Alpes Symposium on Translational Research in Oncology",
        "title_en": "2nd Shanghai/Rhône-Alpes Symposium on Translational Research in Oncology",
        "kind": "symposium",
        "start_date": D(2012, 1, 1),
        "date_precision": "year",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "country": "FR",
        "partnership": "clara-international-shanghai",
        "sources": SHANGHAI,
        "description_fr": "Second colloque, prévu à Lyon avant la fin de 2012 pour faire le point sur l'action commune.",
        "description_en": "Second symposium, planned in Lyon before the end of 2012 to review the joint work.",
    },
    {
        "slug": "franco-chinese-seminar-3",
        "title_fr": "3e séminaire franco-chinois",
        "title_en": "3rd Franco-Chinese seminar",
        "kind": "seminar",
        "partnership": "clara-international-shanghai",
        "organisers": ["canceropole-clara"],
        "sources": INTERNATIONAL,
        "description_fr": "Troisième des séminaires franco-chinois organisés tantôt à Shanghai, tantôt à Lyon.",
        "description_en": "Third of the Franco-Chinese seminars held by turns in Shanghai and Lyon.",
    },
    {
        "slug": "clara-oncopole-matignon-2018",
        "title_fr": "Rencontre CLARA – Oncopole du Québec à l'Hôtel de Matignon",
        "title_en": "CLARA – Oncopole du Québec meeting at the Hôtel de Matignon",
        # The release reports a meeting and an agreement concluded, not a signing.
        "kind": "meeting",
        "start_date": D(2018, 3, 8),
        "venue_fr": "Hôtel de Matignon",
        "venue_en": "Hôtel de Matignon",
        "city_fr": "Paris",
        "city_en": "Paris",
        "country": "FR",
        "partnership": "oncopole-quebec",
        "sources": QUEBEC,
        "participants": [
            (
                "remi-quirion",
                "a rencontré les représentants de CLARA",
                "met CLARA's representatives",
            ),
            ("veronique-trillet-lenoir", "présente à la rencontre", "attended the meeting"),
            ("olivier-exertier", "présent à la rencontre", "attended the meeting"),
        ],
        "description_fr": "Rencontre tenue à Paris lors de la Rencontre alternée des Premiers ministres du Québec et de la France, pour préparer une collaboration entre les deux pôles.",
        "description_en": "A meeting held in Paris during the alternating meeting of the Quebec and French Prime Ministers, with a view to a collaboration between the two hubs.",
    },
    {
        "slug": "clara-oncopole-symposium-2018",
        "title_fr": "Premier symposium CLARA – Oncopole, Entretiens Jacques Cartier",
        "title_en": "First CLARA – Oncopole symposium, Entretiens Jacques Cartier",
        "kind": "symposium",
        "start_date": D(2018, 11, 1),
        "date_precision": "month",
        "country": "FR",
        "partnership": "oncopole-quebec",
        "organisers": ["canceropole-clara", "oncopole-quebec"],
        "sources": QUEBEC,
        "description_fr": "Premier événement commun, prévu en Auvergne-Rhône-Alpes dans le cadre des Entretiens Jacques Cartier.",
        "description_en": "First joint event, planned in Auvergne-Rhône-Alpes as part of the Entretiens Jacques Cartier.",
    },
    {
        "slug": "nanotechnology-oncology-symposium",
        "title_fr": "Symposium international : applications cliniques des nanotechnologies en cancérologie",
        "title_en": "International symposium: clinical applications of nanotechnology in oncology",
        "kind": "symposium",
        "partnership": "catalonia-nanomedicine",
        "organisers": ["canceropole-clara", "canceropole-grand-sud-ouest", "ibec"],
        "sources": INTERNATIONAL,
        "description_fr": "Symposium organisé à trois par CLARA, le Cancéropôle Grand Sud-Ouest et l'IBEC.",
        "description_en": "A symposium organised by CLARA, the Cancéropôle Grand Sud-Ouest and IBEC together.",
    },
    {
        "slug": "clara-scientific-days-7",
        "title_fr": "7es Journées scientifiques de CLARA – rencontre avec les clusters catalans",
        "title_en": "7th CLARA Scientific Days – meeting with the Catalan clusters",
        "kind": "scientific_days",
        "partnership": "catalonia-nanomedicine",
        # CLARA's own Scientific Days, "with" the Catalan clusters: not said to co-organise.
        "organisers": ["canceropole-clara"],
        "sources": INTERNATIONAL,
        "description_fr": "Séance réservée aux chercheurs et aux entreprises de la nanomédecine et de l'oncologie, pour préparer des projets européens.",
        "description_en": "A session for researchers and companies in nanomedicine and oncology, to prepare European projects.",
    },
    {
        "slug": "senegalese-delegation-visit",
        "title_fr": "Visite d'une délégation sénégalaise",
        "title_en": "Visit of a Senegalese delegation",
        "kind": "delegation_visit",
        "country": "FR",
        "partnership": "senegal-delegation",
        "organisers": ["canceropole-clara"],
        "sources": INTERNATIONAL,
        "description_fr": "Découverte de l'organisation des soins en France et recherche de partenaires en cancérologie.",
        "description_en": "Learning how healthcare is organised in France and looking for partners in oncology.",
    },
]
